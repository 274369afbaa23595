const MS_PER_DAY = 86_400_000;

function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map((part) => Number.parseInt(part, 10));
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Whole days between two `YYYY-MM-DD` dates, never negative; calendar days, no time zone. */
export function dayDistance(a: string, b: string): number {
  return Math.abs(dayNumber(a) - dayNumber(b));
}
