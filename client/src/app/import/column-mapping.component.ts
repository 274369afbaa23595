import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import type { ColumnMapping } from '@finwise/import';
import {
  columnMapping,
  columnPositions,
  type ColumnPositions,
  type ColumnRole,
} from './column-refs';

type AmountLayout = 'amount' | 'split';

interface ColumnField {
  readonly role: ColumnRole;
  readonly label: string;
  readonly required: boolean;
}

/**
 * Which CSV column holds what: date, amount (or inflow and outflow), payee, notes and the bank's
 * id, chosen among the file's header names. A mapping is handed on once it is complete, so the
 * file is read again only with a mapping it can be read with.
 */
@Component({
  selector: 'fw-column-mapping',
  templateUrl: './column-mapping.component.html',
  styles: `
    .mapping {
      display: grid;
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }

    .mapping legend {
      padding: 0;
      margin-bottom: 0.5rem;
      font-weight: 600;
    }

    .mapping__layout {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
      padding: 0;
      border: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ColumnMappingComponent {
  /** The file's column names (header cells, or "Column 1"… without a header row). */
  readonly columns = input.required<readonly string[]>();
  /** The mapping the file was read with (chosen or detected). */
  readonly mapping = input<ColumnMapping | undefined>(undefined);
  readonly hasHeader = input(true);
  readonly mapped = output<ColumnMapping>();

  protected readonly positions = linkedSignal<ColumnPositions>(() =>
    columnPositions(this.mapping(), this.columns()),
  );
  protected readonly layout = linkedSignal<AmountLayout>(() =>
    this.positions().inflow !== undefined || this.positions().outflow !== undefined
      ? 'split'
      : 'amount',
  );
  protected readonly complete = computed(
    () => columnMapping(this.positions(), this.columns(), this.hasHeader()) !== null,
  );

  /** The selects shown: the amount as one column or as inflow and outflow. */
  protected readonly fields = computed<readonly ColumnField[]>(() => [
    { role: 'date', label: 'Date column', required: true },
    ...(this.layout() === 'amount'
      ? [{ role: 'amount', label: 'Amount column', required: true } as const]
      : ([
          { role: 'inflow', label: 'Inflow column', required: false },
          { role: 'outflow', label: 'Outflow column', required: false },
        ] as const)),
    { role: 'payee', label: 'Payee column', required: false },
    { role: 'notes', label: 'Notes column', required: false },
    { role: 'id', label: 'Bank’s transaction id column', required: false },
  ]);

  protected choose(role: ColumnRole, event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.positions.update((positions) => {
      const next = { ...positions };
      if (value === '') delete next[role];
      else next[role] = Number(value);
      return next;
    });
    this.handOn();
  }

  protected chooseLayout(layout: AmountLayout): void {
    this.layout.set(layout);
    this.positions.update((positions) => {
      const { amount, inflow, outflow, ...rest } = positions;
      return layout === 'amount' ? { ...rest, amount } : { ...rest, inflow, outflow };
    });
    this.handOn();
  }

  private handOn(): void {
    const mapping = columnMapping(this.positions(), this.columns(), this.hasHeader());
    if (mapping) this.mapped.emit(mapping);
  }
}
