import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MoneyPipe } from '../shared/money/money.pipe';
import type { SpendingSlice } from './spending-slices';

/** Horizontal bars of the month's spending per category; the numbers are text, the bars decoration. */
@Component({
  selector: 'fw-spending-chart',
  imports: [MoneyPipe],
  template: `
    <figure class="chart">
      <figcaption class="chart__caption">{{ caption() }}</figcaption>
      @if (bars().length === 0) {
        <p class="muted">No spending this month.</p>
      } @else {
        <ul class="chart__bars">
          @for (bar of bars(); track bar.label) {
            <li class="chart__row">
              <span class="chart__label">{{ bar.label }}</span>
              <svg
                class="chart__svg"
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <rect class="chart__track" x="0" y="0" width="100" height="10" />
                <rect class="chart__bar" x="0" y="0" [attr.width]="bar.percent" height="10" />
              </svg>
              <span class="chart__value amount">{{ bar.amountMinor | money: currency() }}</span>
            </li>
          }
        </ul>
      }
    </figure>
  `,
  styles: `
    .chart {
      display: grid;
      gap: 0.5rem;
      margin: 0;
    }
    .chart__caption {
      font-weight: 600;
    }
    .chart__bars {
      display: grid;
      gap: 0.375rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .chart__row {
      display: grid;
      grid-template-columns: minmax(6rem, 10rem) minmax(0, 1fr) auto;
      align-items: center;
      gap: 0.75rem;
    }
    .chart__label {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .chart__svg {
      width: 100%;
      height: 0.875rem;
    }
    .chart__track {
      fill: var(--fw-color-background);
    }
    .chart__bar {
      fill: var(--fw-color-brand);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpendingChartComponent {
  readonly slices = input<readonly SpendingSlice[]>([]);
  readonly currency = input('EUR');
  readonly caption = input('Spending by category');

  protected readonly bars = computed(() => {
    const slices = this.slices();
    const largest = Math.max(1, ...slices.map((slice) => slice.amountMinor));
    return slices.map((slice) => ({
      ...slice,
      percent: Math.max(0.5, (slice.amountMinor / largest) * 100),
    }));
  });
}
