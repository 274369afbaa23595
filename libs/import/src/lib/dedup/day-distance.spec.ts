import { dayDistance } from './day-distance';

describe('dayDistance', () => {
  it('counts calendar days either way, across months and leap days', () => {
    expect(dayDistance('2026-03-10', '2026-03-10')).toBe(0);
    expect(dayDistance('2026-03-03', '2026-02-24')).toBe(7);
    expect(dayDistance('2024-02-27', '2024-03-01')).toBe(3);
    expect(dayDistance('2025-12-29', '2026-01-05')).toBe(7);
  });

  it('is not shifted by a daylight-saving change', () => {
    expect(dayDistance('2026-03-28', '2026-03-30')).toBe(2);
    expect(dayDistance('2026-10-24', '2026-10-26')).toBe(2);
  });
});
