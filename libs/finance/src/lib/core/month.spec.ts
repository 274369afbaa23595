import {
  addMonths,
  earliestMonth,
  isMonth,
  lastDayOf,
  monthCount,
  monthOf,
  nextMonth,
  previousMonth,
} from './month';

describe('months', () => {
  it('accepts only YYYY-MM', () => {
    expect(['2026-01', '1900-12', '2199-06'].map(isMonth)).toEqual([true, true, true]);
    expect(['2026-1', '2026-00', '2026-13', '2026-01-01', ''].map(isMonth)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('steps across years', () => {
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(addMonths('2026-03', -27)).toBe('2023-12');
    expect(addMonths('2026-03', 120)).toBe('2036-03');
  });

  it('counts the months of a range, both ends included', () => {
    expect(monthCount('2026-03', '2026-03')).toBe(1);
    expect(monthCount('2025-11', '2026-02')).toBe(4);
    expect(monthCount('2017-01', '2026-12')).toBe(120);
    expect(monthCount('2026-03', '2026-01')).toBe(-1);
  });

  it('knows the last day of each month, leap years included', () => {
    expect(
      ['2026-01', '2026-02', '2024-02', '1900-02', '2000-02', '2026-04'].map(lastDayOf),
    ).toEqual(['2026-01-31', '2026-02-28', '2024-02-29', '1900-02-28', '2000-02-29', '2026-04-30']);
  });

  it('reads the month of a date and the earliest of several', () => {
    expect(monthOf('2026-07-31')).toBe('2026-07');
    expect(earliestMonth([null, '2026-03', undefined, '2025-11', '2026-01'])).toBe('2025-11');
    expect(earliestMonth([])).toBeNull();
  });
});
