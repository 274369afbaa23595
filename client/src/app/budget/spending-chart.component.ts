import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { BaseChartDirective } from 'ng2-charts';
import { provideChartParts } from '../shared/charts/chart-parts';
import { USER_LOCALE } from '../shared/locale';
import { MoneyPipe } from '../shared/money/money.pipe';
import { spendingBars } from './spending-bars';
import type { SpendingSlice } from './spending-slices';

/** Room per bar, so a long list of categories stays readable. */
const REM_PER_BAR = 2.25;
/** The axis under the bars. */
const AXIS_REM = 2.5;

/**
 * Horizontal bars of the month's spending per category, drawn with Chart.js; the list under
 * them carries the same numbers as text, so the canvas is decoration for whoever cannot see it.
 */
@Component({
  selector: 'fw-spending-chart',
  imports: [MoneyPipe, BaseChartDirective],
  providers: [provideChartParts()],
  template: `
    <figure class="chart">
      <figcaption class="chart__caption">{{ caption() }}</figcaption>
      @if (slices().length === 0) {
        <p class="muted">No spending this month.</p>
      } @else {
        <div class="chart__canvas" [style.height.rem]="height()">
          <canvas
            baseChart
            aria-hidden="true"
            [type]="chart().type"
            [data]="chart().data"
            [options]="chart().options"
          ></canvas>
        </div>
        <ul class="chart__list">
          @for (slice of slices(); track slice.label) {
            <li class="chart__row">
              <span class="chart__label">{{ slice.label }}</span>
              <span class="chart__value amount">{{ slice.amountMinor | money: currency() }}</span>
            </li>
          }
        </ul>
      }
    </figure>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    /* One column that may shrink below the canvas's drawn width: the chart follows a
       narrower screen instead of holding the page at its old size. */
    .chart {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.5rem;
      margin: 0;
      min-width: 0;
    }
    .chart__caption {
      font-weight: 600;
    }
    .chart__canvas {
      position: relative;
      min-width: 0;
    }
    /* Chart.js redraws at the new width a frame after a resize; until then the old drawing is
       squeezed into the box rather than pushing the page sideways. */
    .chart__canvas canvas {
      max-width: 100%;
    }
    .chart__list {
      display: grid;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .chart__row {
      display: flex;
      justify-content: space-between;
      gap: 0.75rem;
      padding: 0.25rem 0;
      border-bottom: 1px solid var(--fw-color-background);
    }
    .chart__label {
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpendingChartComponent {
  private readonly locale = inject(USER_LOCALE);

  readonly slices = input<readonly SpendingSlice[]>([]);
  readonly currency = input('EUR');
  readonly caption = input('Spending by category');

  protected readonly height = computed(() => this.slices().length * REM_PER_BAR + AXIS_REM);
  protected readonly chart = computed(() =>
    spendingBars(this.slices(), this.currency(), this.locale),
  );
}
