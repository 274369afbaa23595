import { spendingBars } from './spending-bars';

describe('spendingBars', () => {
  it('draws one horizontal bar per slice in minor units, labelled in the currency', () => {
    const chart = spendingBars(
      [
        { label: 'Rent', amountMinor: 120_000 },
        { label: 'Groceries', amountMinor: 4_250 },
      ],
      'USD',
      'en-US',
    );
    expect(chart.type).toBe('bar');
    expect(chart.options?.indexAxis).toBe('y');
    expect(chart.data.labels).toEqual(['Rent', 'Groceries']);
    expect(chart.data.datasets.map((dataset) => dataset.data)).toEqual([[120_000, 4_250]]);
    const ticks = chart.options?.scales?.['x']?.ticks as { callback: (value: number) => string };
    expect(ticks.callback(120_000)).toBe('$1.2K');
  });
});
