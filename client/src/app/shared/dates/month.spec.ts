import { addMonths, isMonth, localDate, monthLabel, monthOf, shortMonthLabel } from './month';

describe('months', () => {
  it('steps across year ends', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', 14)).toBe('2027-05');
  });

  it('reads local dates, not UTC ones', () => {
    const lateEvening = new Date(2026, 0, 31, 23, 30);
    expect(monthOf(lateEvening)).toBe('2026-01');
    expect(localDate(lateEvening)).toBe('2026-01-31');
  });

  it('recognises months and names them', () => {
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth(undefined)).toBe(false);
    expect(monthLabel('2026-01', 'en-US')).toBe('January 2026');
    expect(shortMonthLabel('2026-01', 'en-US')).toBe('Jan 2026');
    expect(() => addMonths('January', 1)).toThrow();
  });
});
