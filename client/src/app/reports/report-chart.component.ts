import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ChartConfiguration, ChartType } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';

/**
 * A report's chart with its numbers as a table under "Show as table": the canvas is a picture
 * named by `label`; the table (projected content) is what a screen reader, a keyboard or a
 * search reads. On a phone the table scrolls sideways inside its own labelled, focusable box,
 * as a data table may (WCAG 1.4.10), while the page never does.
 */
@Component({
  selector: 'fw-report-chart',
  imports: [BaseChartDirective],
  template: `
    <div class="report-chart__canvas">
      <canvas
        baseChart
        role="img"
        [attr.aria-label]="label()"
        [type]="config().type"
        [data]="config().data"
        [options]="config().options"
      ></canvas>
    </div>
    <details class="report-chart__details">
      <summary class="report-chart__summary">Show as table</summary>
      <div class="report-chart__scroll" role="region" tabindex="0" [attr.aria-label]="tableLabel()">
        <ng-content />
      </div>
    </details>
  `,
  styles: `
    /* One column that may shrink below the canvas's drawn width, so the chart follows a
       narrower screen instead of holding the page at its old size. */
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.5rem;
      min-width: 0;
    }
    .report-chart__canvas {
      position: relative;
      height: 18rem;
      min-width: 0;
    }
    /* Chart.js redraws at the new width a frame after a resize; until then the old drawing is
       squeezed into the box rather than pushing the page sideways. */
    .report-chart__canvas canvas {
      max-width: 100%;
    }
    .report-chart__summary {
      display: inline-flex;
      align-items: center;
      min-height: 2.75rem;
      color: var(--fw-color-brand-strong);
      font-weight: 600;
      cursor: pointer;
    }
    .report-chart__summary:focus-visible {
      outline: 2px solid var(--fw-color-brand);
      outline-offset: 2px;
    }
    .report-chart__scroll {
      max-width: 100%;
      overflow-x: auto;
    }
    .report-chart__scroll:focus-visible {
      outline: 2px solid var(--fw-color-brand);
      outline-offset: 2px;
    }
    @media (max-width: 480px) {
      .report-chart__canvas {
        height: 15rem;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportChartComponent {
  readonly config = input.required<ChartConfiguration<ChartType, number[], string>>();
  /** What the chart shows, for the canvas's accessible name. */
  readonly label = input.required<string>();
  /** The name of the table's scrolling box. */
  readonly tableLabel = input.required<string>();
}
