import { defaultRange, monthRangePresets, readMonthRange } from './month-range';

describe('readMonthRange', () => {
  it('accepts a range of one to 120 months', () => {
    expect(readMonthRange('2026-03', '2026-03')).toEqual({
      ok: true,
      range: { from: '2026-03', to: '2026-03' },
    });
    expect(readMonthRange('2016-04', '2026-03')).toEqual({
      ok: true,
      range: { from: '2016-04', to: '2026-03' },
    });
  });

  it('names each field that holds no month', () => {
    expect(readMonthRange('', '2026-13')).toEqual({
      ok: false,
      errors: { from: 'Enter a month.', to: 'Enter a month as YYYY-MM, e.g. 2026-01.' },
    });
  });

  it('refuses a reversed range on the last month', () => {
    expect(readMonthRange('2026-04', '2026-03')).toEqual({
      ok: false,
      errors: { to: 'The last month must not be before the first.' },
    });
  });

  it('refuses more than 120 months on the first month, with the count', () => {
    expect(readMonthRange('2016-03', '2026-03')).toEqual({
      ok: false,
      errors: { from: 'A report covers at most 120 months; this range has 121.' },
    });
  });
});

describe('month range presets', () => {
  it('start with the twelve months ending with this one', () => {
    expect(defaultRange('2026-03')).toEqual({ from: '2025-04', to: '2026-03' });
    expect(monthRangePresets('2026-03')).toEqual([
      { label: 'Last 12 months', range: { from: '2025-04', to: '2026-03' } },
      { label: 'This year', range: { from: '2026-01', to: '2026-03' } },
      { label: 'Last year', range: { from: '2025-01', to: '2025-12' } },
    ]);
  });
});
