/**
 * Colours a canvas can use: it cannot read the CSS custom properties, so the tokens of
 * styles.css it needs are repeated here. Every series colour keeps 3:1 contrast on the white
 * surface (WCAG non-text contrast); the numbers themselves are always in the chart's table too.
 */
export const CHART_TEXT_COLOR = '#1f2937';
export const CHART_GRID_COLOR = '#d1d5db';

/** Series colours in the order they are handed out; a chart with more series starts again. */
export const SERIES_COLORS: readonly string[] = [
  '#0f766e',
  '#b45309',
  '#1d4ed8',
  '#be185d',
  '#4d7c0f',
  '#7c3aed',
  '#0369a1',
  '#a16207',
  '#475569',
  '#c2410c',
];

export const INCOME_COLOR = '#0f766e';
export const EXPENSE_COLOR = '#b91c1c';
export const NET_COLOR = '#1f2937';

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}
