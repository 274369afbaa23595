import { computed, inject, Injectable } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { budgetCurrencyOf, settingsId } from '@finwise/finance';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { SettingsStore } from '../stores/settings.store';
import { SyncClientService } from '../sync-client/sync-client.service';

/** How long sign-up waits for the new household's local database before giving up on the write. */
const CLIENT_WAIT_MS = 15_000;

/**
 * The household's settings row (one per household, with a fixed id). Without the row the
 * budget is in EUR; the language and region always come from the browser.
 */
@Injectable({ providedIn: 'root' })
export class HouseholdSettings {
  private readonly settings = inject(SettingsStore);
  private readonly client$ = toObservable(inject(SyncClientService).client);

  readonly loaded = this.settings.loaded;
  readonly budgetCurrency = computed(() => budgetCurrencyOf(this.settings.entities()));

  /** Writes the budget currency; works offline like every other write. */
  async setBudgetCurrency(budgetCurrency: string): Promise<void> {
    const id = settingsId();
    if (this.settings.byId().get(id)) {
      await this.settings.update(id, { budgetCurrency });
    } else {
      // The id is fixed, so a second device or a retried sign-up writes this same row.
      await this.settings.create({ id, budgetCurrency });
    }
  }

  /**
   * Right after sign-up the new household's sync client is still opening; this waits for it
   * (offline too: the write is local first) and then writes the currency.
   */
  async setBudgetCurrencyOnceOpen(budgetCurrency: string): Promise<void> {
    await firstValueFrom(
      this.client$.pipe(
        filter((client) => client !== null),
        timeout(CLIENT_WAIT_MS),
      ),
    );
    await this.setBudgetCurrency(budgetCurrency);
  }
}
