import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ColumnMapping } from '@finwise/import';
import { AccountsStore } from '../data/stores/accounts.store';
import { ColumnMappingComponent } from './column-mapping.component';
import { FileDropComponent } from './file-drop.component';
import { blockingText, outcomeText } from './import-outcome';
import { ImportPreviewTableComponent, type LineChoice } from './import-preview-table.component';
import { ImportRunner, type ImportOutcome } from './import-runner.service';
import { ImportSession, type PickedFile } from './import-session';
import { ReadOptionsComponent } from './read-options.component';
import type { ImportChoices } from './remembered-options';

interface Progress {
  readonly written: number;
  readonly total: number;
}

/**
 * Imports a bank file into one account in the browser, offline too (FINANCE §5): pick or drop a
 * file, see how it is read and change that (remembered for the account), check the preview of
 * every line, leave lines out, import. Rows reach other devices through sync like any write.
 */
@Component({
  selector: 'fw-import-page',
  imports: [
    RouterLink,
    FileDropComponent,
    ReadOptionsComponent,
    ColumnMappingComponent,
    ImportPreviewTableComponent,
  ],
  templateUrl: './import-page.component.html',
  styleUrl: './import-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPageComponent {
  private readonly accounts = inject(AccountsStore);
  private readonly runner = inject(ImportRunner);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly accountId = input.required<string>();

  protected readonly loaded = this.accounts.loaded;
  protected readonly account = computed(() => this.accounts.byId().get(this.accountId()));
  protected readonly currency = computed(() => this.account()?.currency ?? 'EUR');
  protected readonly session = new ImportSession(this.accountId, this.currency);

  protected readonly statement = this.session.statement;
  /** Whether any option differs from what the reader detects (remembered or chosen). */
  protected readonly hasChoices = computed(() => Object.keys(this.session.choices()).length > 0);
  protected readonly delimited = computed(() => {
    const format = this.statement()?.format;
    return format === 'csv' || format === 'tsv';
  });
  /** What the file leaves open and only the user can settle, in words. */
  protected readonly mustChoose = computed(() => {
    const statement = this.statement();
    const choices = this.session.choices();
    if (!statement) return [];
    return [
      ...(statement.needsMapping ? ['the date and amount columns'] : []),
      ...(statement.ambiguities?.dateFormats && !choices.dateFormat
        ? [`the date format (${statement.ambiguities.dateFormats.join(' or ')})`]
        : []),
      ...(statement.ambiguities?.decimal && !choices.decimal
        ? [`the decimal mark (${statement.ambiguities.decimal.join(' or ')})`]
        : []),
    ];
  });
  /** The options open by themselves when something must be chosen, and stay open once chosen. */
  protected readonly optionsOpen = linkedSignal<boolean, boolean>({
    source: computed(() => this.mustChoose().length > 0),
    computation: (mustChoose, previous) => mustChoose || (previous?.value ?? false),
  });
  protected readonly mapping = computed<ColumnMapping | undefined>(
    () => this.session.choices().columns ?? this.statement()?.detected?.columns,
  );
  protected readonly hasHeader = computed(
    () => this.session.choices().hasHeader ?? this.statement()?.detected?.hasHeader ?? true,
  );
  protected readonly blocking = computed(() => {
    const lines = this.session.blockingLines();
    if (lines.length === 0) return null;
    const first = this.session.rows().find((row) => row.line === lines[0]);
    return blockingText(lines, first?.error);
  });
  protected readonly running = signal(false);
  protected readonly progress = signal<Progress | null>(null);
  protected readonly percent = computed(() => {
    const progress = this.progress();
    return progress && progress.total > 0
      ? Math.floor((progress.written / progress.total) * 100)
      : 0;
  });
  protected readonly outcome = signal<ImportOutcome | null>(null);
  protected readonly outcomeText = computed(() => {
    const outcome = this.outcome();
    return outcome ? outcomeText(outcome) : '';
  });
  protected readonly failure = signal<string | null>(null);
  protected readonly canImport = computed(
    () =>
      !this.running() &&
      this.session.previewReady() &&
      this.session.blockingLines().length === 0 &&
      this.session.importCount() > 0,
  );

  protected pick(file: PickedFile): void {
    this.outcome.set(null);
    this.failure.set(null);
    this.session.file.set(file);
  }

  protected choose(change: Partial<ImportChoices>): void {
    this.session.choose(change);
  }

  protected mapColumns(columns: ColumnMapping): void {
    this.session.choose({ columns });
  }

  protected include(choice: LineChoice): void {
    this.session.include(choice.line, choice.included);
  }

  protected forceNew(choice: LineChoice): void {
    this.session.forceNew(choice.line, choice.included);
  }

  protected matchChanged(change: 'fuzzyMatch' | 'reimportDeleted', event: Event): void {
    this.session.match({ [change]: (event.target as HTMLInputElement).checked });
  }

  protected async runImport(): Promise<void> {
    const statement = this.statement();
    if (!statement || !this.canImport()) return;
    this.running.set(true);
    this.outcome.set(null);
    this.failure.set(null);
    this.progress.set({ written: 0, total: 0 });
    try {
      const outcome = await this.runner.run(
        {
          accountId: this.accountId(),
          currency: this.currency(),
          statement,
          excludeLines: [...this.session.excluded()],
          ...this.session.planOptions(),
          choices: this.session.choices(),
        },
        (written, total) => this.progress.set({ written, total }),
      );
      this.outcome.set(outcome);
      // The preview now shows what the import wrote (every line a duplicate).
      this.session.refreshAfterWrite();
    } catch (error) {
      this.failure.set(
        `Nothing was imported: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.running.set(false);
      this.progress.set(null);
      afterNextRender(
        () => this.host.querySelector<HTMLElement>('[data-test="import-notice"]')?.focus(),
        { injector: this.injector },
      );
    }
  }
}
