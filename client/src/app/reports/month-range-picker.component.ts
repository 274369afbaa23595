import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  model,
} from '@angular/core';
import type { ReportRange } from '@finwise/finance';
import { monthRangePresets, readMonthRange } from './month-range';

/**
 * The months the reports cover: two month fields and a few presets. A range the reports would
 * refuse is explained next to its field and the reports keep showing the last good one.
 */
@Component({
  selector: 'fw-month-range-picker',
  templateUrl: './month-range-picker.component.html',
  styles: `
    .month-range {
      display: grid;
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .month-range__fields {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 12rem));
      gap: 0.75rem var(--fw-space);
    }
    .month-range__presets {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MonthRangePickerComponent {
  /** The range shown; set only to a range the reports accept. */
  readonly range = model.required<ReportRange>();
  /** `YYYY-MM` of today, for the presets. */
  readonly currentMonth = input.required<string>();

  /** What the fields hold, valid or not; a new range from outside replaces it. */
  protected readonly from = linkedSignal(() => this.range().from);
  protected readonly to = linkedSignal(() => this.range().to);
  protected readonly reading = computed(() => readMonthRange(this.from(), this.to()));
  protected readonly errors = computed(() => {
    const reading = this.reading();
    return reading.ok ? {} : reading.errors;
  });
  protected readonly presets = computed(() => monthRangePresets(this.currentMonth()));

  protected edit(field: 'from' | 'to', value: string): void {
    (field === 'from' ? this.from : this.to).set(value);
    const reading = this.reading();
    if (reading.ok) this.range.set(reading.range);
  }

  /** A fresh object, so fields left invalid are reset even when the range itself is unchanged. */
  protected choose(preset: ReportRange): void {
    this.range.set({ ...preset });
  }

  protected isCurrent(preset: ReportRange): boolean {
    const range = this.range();
    const reading = this.reading();
    return reading.ok && preset.from === range.from && preset.to === range.to;
  }
}
