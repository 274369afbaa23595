import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../data/api/api-error';
import { SyncClientService } from '../data/sync-client/sync-client.service';
import { FileSaver } from '../files/file-saver';
import { localDate } from '../shared/dates/month';

const BACKUP_URL = '/api/export/household.json';
const RESTORE_URL = '/api/import/household';

/** What a restore answers: rows written, by entity. */
interface RestoreAnswer {
  restored: Record<string, number>;
}

/**
 * Settings → Backup: the household's backup as a JSON file, and its restore into an empty
 * household (FINANCE §5). Both go through the server, which holds every device's rows; this
 * device's data alone could be behind.
 */
@Component({
  selector: 'fw-household-backup',
  templateUrl: './household-backup.component.html',
  styleUrl: './household-backup.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HouseholdBackupComponent {
  private readonly http = inject(HttpClient);
  private readonly sync = inject(SyncClientService);
  private readonly saver = inject(FileSaver);

  protected readonly online = computed(() => this.sync.status().online);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  /** The file picked for a restore, waiting for confirmation. */
  protected readonly chosen = signal<File | null>(null);

  protected async download(): Promise<void> {
    this.reset();
    this.busy.set(true);
    try {
      const backup = await firstValueFrom(this.http.get<unknown>(BACKUP_URL));
      const fileName = `finwise-backup-${localDate(new Date())}.json`;
      this.saver.save(fileName, JSON.stringify(backup), 'application/json');
      this.notice.set(`Backup saved as ${fileName}.`);
    } catch (error) {
      this.error.set(toApiError(error).message);
    } finally {
      this.busy.set(false);
    }
  }

  protected choose(input: HTMLInputElement): void {
    this.reset();
    this.chosen.set(input.files?.[0] ?? null);
  }

  protected cancel(input: HTMLInputElement): void {
    this.chosen.set(null);
    input.value = '';
  }

  protected async restore(input: HTMLInputElement): Promise<void> {
    const file = this.chosen();
    if (!file) return;
    this.reset();
    if (!this.online()) {
      this.error.set('You are offline. Restoring a backup needs a connection to the server.');
      return;
    }
    this.busy.set(true);
    try {
      let backup: unknown;
      try {
        backup = JSON.parse(await readText(file));
      } catch {
        this.error.set(`${file.name} is not a FinWise backup: it is not a JSON file.`);
        return;
      }
      const answer = await firstValueFrom(this.http.post<RestoreAnswer>(RESTORE_URL, backup));
      this.chosen.set(null);
      input.value = '';
      this.notice.set(`Backup restored: ${describeCounts(answer.restored)}.`);
    } catch (error) {
      this.error.set(restoreErrorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  private reset(): void {
    this.notice.set(null);
    this.error.set(null);
  }
}

function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

function restoreErrorMessage(error: unknown): string {
  const failure = toApiError(error);
  switch (failure.status) {
    case 409:
      return (
        'This household already has accounts, transactions or budgets, so nothing was restored. ' +
        'A backup restores only into an empty household: create a new household and restore there.'
      );
    case 400:
      return `This file cannot be restored, and nothing was changed: ${failure.message}`;
    case 413:
      return 'This backup is larger than the server accepts (50 MB).';
    default:
      return failure.message;
  }
}

/** `{accounts: 3, transactions: 812, …}` → "3 accounts, 812 transactions"; empty entities left out. */
function describeCounts(restored: Record<string, number>): string {
  const parts = Object.entries(restored)
    .filter(([, count]) => count > 0)
    .map(([modelName, count]) => `${count} ${modelName.replace(/_/g, ' ')}`);
  return parts.length > 0 ? parts.join(', ') : 'the backup held no rows';
}
