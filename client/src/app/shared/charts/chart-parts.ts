import {
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';
import { CHART_TEXT_COLOR, CHART_GRID_COLOR } from './chart-colors';

/**
 * The Chart.js parts the app draws with (bars, lines, their scales, legend and tooltip), for a
 * chart-drawing component's `providers`. Only these are registered, not Chart.js's full set, and
 * only lazily loaded pages provide them, so the library stays out of the app's first download.
 */
export function provideChartParts() {
  return provideCharts({
    registerables: [
      BarController,
      BarElement,
      LineController,
      LineElement,
      PointElement,
      CategoryScale,
      LinearScale,
      Legend,
      Tooltip,
    ],
    defaults: {
      color: CHART_TEXT_COLOR,
      borderColor: CHART_GRID_COLOR,
      font: { family: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
    },
  });
}
