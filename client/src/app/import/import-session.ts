import {
  computed,
  effect,
  inject,
  Injector,
  linkedSignal,
  signal,
  untracked,
  type Signal,
} from '@angular/core';
import { importSettingsId, type Transaction } from '@finwise/domain';
import {
  ImportFileError,
  planImport,
  readStatement,
  type ParsedStatement,
  type PreviewRow,
  type PreviewSummary,
} from '@finwise/import';
import { ImportSettingsStore } from '../data/stores/import-settings.store';
import { importContext } from './import-context';
import { ImportedRows } from './imported-rows.service';
import { localHousehold } from './local-household';
import { readRememberedChoices, type ImportChoices } from './remembered-options';

/** A file the user picked, read into memory (nothing leaves the device). */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type ReadState =
  | { readonly status: 'empty' }
  | { readonly status: 'reading' }
  | { readonly status: 'read'; readonly statement: ParsedStatement }
  | { readonly status: 'failed'; readonly message: string };

const NO_LINES: ReadonlySet<number> = new Set();

/** How this import compares lines with the account's rows (research D5/D7), not remembered. */
export interface MatchChoices {
  /** Off: no line updates a row typed by hand; every line not imported before is added. */
  readonly fuzzyMatch: boolean;
  /** On: lines whose row the user deleted are imported again, as new rows. */
  readonly reimportDeleted: boolean;
}

const DEFAULT_MATCHING: MatchChoices = { fuzzyMatch: true, reimportDeleted: false };

/**
 * One import page's state: the picked file read with the account's remembered options and the
 * user's changes (each change reads the file again), the preview of every line against this
 * device's rows, and the lines the user left out. Create it in an injection context.
 */
export class ImportSession {
  readonly file = signal<PickedFile | null>(null);
  private readonly settings = inject(ImportSettingsStore).byId;
  /** The account's remembered options text: a change of another account's leaves it be. */
  private readonly remembered = computed(
    () => this.settings().get(importSettingsId(this.accountId()))?.options ?? null,
  );
  /** The options files of this account are read with: remembered, then changed by the user. */
  readonly choices = linkedSignal<string | null, ImportChoices>({
    source: this.remembered,
    computation: readRememberedChoices,
  });
  readonly read = signal<ReadState>({ status: 'empty' });
  readonly statement = computed(() => {
    const read = this.read();
    return read.status === 'read' ? read.statement : null;
  });

  private readonly household = localHousehold();
  private readonly importedRows = inject(ImportedRows);
  private readonly injector = inject(Injector);
  private readonly rowsOfLines = signal<readonly Transaction[] | null>(null);

  private readonly householdLoaded = computed(() => this.household() !== null);

  /** This import's matching choices: each file starts with the defaults. */
  readonly matching = linkedSignal<ParsedStatement | null, MatchChoices>({
    source: this.statement,
    computation: () => DEFAULT_MATCHING,
  });
  /** Lines the user switched from `match` to "add as new"; a new reading starts with none. */
  readonly forcedNew = linkedSignal<ParsedStatement | null, ReadonlySet<number>>({
    source: this.statement,
    computation: () => NO_LINES,
  });
  /** What `planImport` and the import runner are given besides the left-out lines. */
  readonly planOptions = computed(() => ({
    fuzzyMatch: this.matching().fuzzyMatch,
    reimportDeleted: this.matching().reimportDeleted,
    forceNewLines: [...this.forcedNew()],
  }));

  /**
   * Every line's status as if none were left out (leaving one out never changes the others),
   * against the rows as they were when the file was read: planning 10,000 lines again on every
   * change that syncs in would stall the page, and the import plans again against the rows of
   * its moment anyway. `refreshAfterWrite` plans again.
   */
  private readonly plan = computed(() => {
    const statement = this.statement();
    const rowsOfLines = this.rowsOfLines();
    const household = this.householdLoaded() ? untracked(this.household) : null;
    if (!statement || !household || !rowsOfLines) return null;
    return planImport(
      statement,
      importContext(this.accountId(), this.currency(), household, rowsOfLines),
      this.planOptions(),
    );
  });
  readonly rows = computed<readonly PreviewRow[]>(() => this.plan()?.rows ?? []);
  readonly previewReady = computed(() => this.plan() !== null);

  /** Lines left out; a new reading of the file starts with every line in. */
  readonly excluded = linkedSignal<ParsedStatement | null, ReadonlySet<number>>({
    source: this.statement,
    computation: () => NO_LINES,
  });
  /** FINANCE §5's counts: of the lines being imported, and every error line. */
  readonly summary = computed<PreviewSummary>(() => {
    const excluded = this.excluded();
    const summary = { new: 0, match: 0, duplicate: 0, locked: 0, error: 0 };
    for (const row of this.rows()) {
      if (row.status === 'error' || !excluded.has(row.line)) summary[row.status] += 1;
    }
    return summary;
  });
  /** Lines with an error not left out: the import waits until none remain. */
  readonly blockingLines = computed(() => {
    const excluded = this.excluded();
    return this.rows().flatMap((row) =>
      row.status === 'error' && !excluded.has(row.line) ? [row.line] : [],
    );
  });
  /** Transactions an import would add or update now. */
  readonly importCount = computed(() => this.summary().new + this.summary().match);

  constructor(
    private readonly accountId: Signal<string>,
    private readonly currency: Signal<string>,
  ) {
    effect((onCleanup) => {
      const file = this.file();
      const choices = this.choices();
      const currency = this.currency();
      const accountId = this.accountId();
      if (!file) {
        untracked(() => this.read.set({ status: 'empty' }));
        return;
      }
      untracked(() => this.read.set({ status: 'reading' }));
      let stale = false;
      // A large file takes a moment: the "Reading" status is drawn before the work starts.
      const timer = setTimeout(
        () => void this.readFile(file, choices, currency, accountId, () => stale),
      );
      onCleanup(() => {
        stale = true;
        clearTimeout(timer);
      });
    });
  }

  /**
   * Plans the preview again once this device's rows show what was just written (the local
   * database tells the stores a moment after the write), so it shows every line as imported.
   */
  refreshAfterWrite(): void {
    const statement = this.statement();
    if (!statement) return;
    const before = untracked(this.household);
    const watch = effect(
      () => {
        if (this.household() === before) return;
        watch.destroy();
        if (untracked(this.statement) === statement) {
          void this.loadRows(statement, this.accountId(), () => this.statement() !== statement);
        }
      },
      { injector: this.injector },
    );
  }

  /** Changes options (undefined = detect again); the file is read again with them. */
  choose(change: Partial<ImportChoices>): void {
    this.choices.update((choices) => {
      const next: Record<string, unknown> = { ...choices, ...change };
      for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
      return next as ImportChoices;
    });
  }

  /** Forgets every option: the file is read as detected. */
  detectAgain(): void {
    this.choices.set({});
  }

  /** Changes how lines are compared with the account's rows; the preview plans again. */
  match(change: Partial<MatchChoices>): void {
    this.matching.update((choices) => ({ ...choices, ...change }));
  }

  /** Adds a matched line as a transaction of its own (`asNew`), or lets it match again. */
  forceNew(line: number, asNew: boolean): void {
    this.forcedNew.update((forced) => {
      const next = new Set(forced);
      if (asNew) next.add(line);
      else next.delete(line);
      return next;
    });
  }

  include(line: number, included: boolean): void {
    this.excluded.update((excluded) => {
      const next = new Set(excluded);
      if (included) next.delete(line);
      else next.add(line);
      return next;
    });
  }

  includeAll(included: boolean): void {
    this.excluded.set(included ? NO_LINES : new Set(this.rows().map((row) => row.line)));
  }

  /** Leaves out every line with an error, so the rest can be imported. */
  leaveOutErrors(): void {
    this.excluded.update(
      (excluded) =>
        new Set([
          ...excluded,
          ...this.rows().flatMap((row) => (row.status === 'error' ? [row.line] : [])),
        ]),
    );
  }

  private async readFile(
    file: PickedFile,
    choices: ImportChoices,
    currency: string,
    accountId: string,
    isStale: () => boolean,
  ): Promise<void> {
    let statement: ParsedStatement;
    try {
      statement = readStatement(file.bytes, file.name, choices, currency);
    } catch (error) {
      this.read.set({ status: 'failed', message: readFailure(error) });
      return;
    }
    this.rowsOfLines.set(null);
    this.read.set({ status: 'read', statement });
    await this.loadRows(statement, accountId, isStale);
  }

  /** The rows the lines would land on, deleted ones included (the stores hold live rows only). */
  private async loadRows(
    statement: ParsedStatement,
    accountId: string,
    isStale: () => boolean,
  ): Promise<void> {
    try {
      const rows = await this.importedRows.of(accountId, statement.lines);
      if (!isStale()) this.rowsOfLines.set(rows);
    } catch (error) {
      if (!isStale()) this.read.set({ status: 'failed', message: readFailure(error) });
    }
  }
}

function readFailure(error: unknown): string {
  if (error instanceof ImportFileError) return error.message;
  return `The file could not be read: ${error instanceof Error ? error.message : String(error)}`;
}
