import { inject, Injectable, untracked } from '@angular/core';
import { importSettingsId } from '@finwise/domain';
import type { FinanceMutation } from '@finwise/finance';
import { planImport, type ParsedStatement } from '@finwise/import';
import { FinanceWrites } from '../data/finance-writes/finance-writes.service';
import { importContext } from './import-context';
import { ImportedRows } from './imported-rows.service';
import { localHousehold } from './local-household';
import { rememberedChoicesText, type ImportChoices } from './remembered-options';

export interface ImportRequest {
  readonly accountId: string;
  readonly currency: string;
  readonly statement: ParsedStatement;
  readonly excludeLines: readonly number[];
  /** Lines to add as transactions of their own even where a row matches (research D7). */
  readonly forceNewLines?: readonly number[];
  /** False: no fuzzy matching for this import (research D7). */
  readonly fuzzyMatch?: boolean;
  /** Lines whose row was deleted are imported again as new rows (research D5). */
  readonly reimportDeleted?: boolean;
  /** Remembered for the account with the import. */
  readonly choices: ImportChoices;
}

/** What an import did (FINANCE §5's answer, as the app tells it). */
export interface ImportOutcome {
  readonly created: number;
  readonly updated: number;
  readonly duplicate: number;
  readonly locked: number;
  /** Lines with an error the user left out. */
  readonly error: number;
}

/** Lines with an error that were not left out: nothing was written. */
export class ImportBlocked extends Error {
  constructor(readonly lines: readonly number[]) {
    super(
      `${lines.length === 1 ? 'Line' : 'Lines'} ${lines.slice(0, 20).join(', ')}` +
        `${lines.length > 20 ? ' …' : ''} cannot be imported: fix the options or leave ` +
        `${lines.length === 1 ? 'it' : 'them'} out.`,
    );
    this.name = 'ImportBlocked';
  }
}

/**
 * Imports a read bank file into this device's database, offline like any write: plans against the
 * rows as they are at this moment (deleted imported rows included), then writes the payees the
 * file names, the transactions and the account's remembered options in one local transaction —
 * all of it or, on any refusal, nothing — queued for sync as one batch.
 */
@Injectable({ providedIn: 'root' })
export class ImportRunner {
  private readonly writes = inject(FinanceWrites);
  private readonly importedRows = inject(ImportedRows);
  private readonly household = localHousehold();

  async run(
    request: ImportRequest,
    onProgress: (written: number, total: number) => void = () => undefined,
  ): Promise<ImportOutcome> {
    const { accountId, statement } = request;
    const household = untracked(this.household);
    if (!household) {
      throw new Error('Your household’s data is still loading on this device: try again.');
    }
    const imported = await this.importedRows.of(accountId, statement.lines);
    const plan = planImport(
      statement,
      importContext(accountId, request.currency, household, imported),
      {
        excludeLines: request.excludeLines,
        forceNewLines: request.forceNewLines,
        fuzzyMatch: request.fuzzyMatch,
        reimportDeleted: request.reimportDeleted,
      },
    );
    if (plan.blockingLines.length > 0) {
      throw new ImportBlocked(plan.blockingLines);
    }
    const seeds = plan.payeeSeeds.map((seed) => ({
      modelName: 'payees',
      operation: 'create' as const,
      data: { id: seed.id, name: seed.name, favorite: false },
      ifAbsent: true,
    }));
    const settings: FinanceMutation = {
      modelName: 'import_settings',
      operation: 'create',
      data: {
        id: importSettingsId(accountId),
        accountId,
        options: rememberedChoicesText(request.choices, statement.columns),
      },
    };
    await this.writes.applyTogether([...seeds, ...plan.mutations, settings], { onProgress });
    return {
      created: plan.created,
      updated: plan.updated,
      duplicate: plan.summary.duplicate,
      locked: plan.summary.locked,
      error: plan.summary.error,
    };
  }
}
