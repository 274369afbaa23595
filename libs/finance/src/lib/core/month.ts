/** Calendar months as `YYYY-MM` strings, which order correctly as plain strings. */

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/** Throws a RangeError for anything but `YYYY-MM`, so a bad month never computes a wrong budget. */
export function assertMonth(value: string): void {
  if (!isMonth(value)) throw new RangeError(`Not a month (YYYY-MM): ${value}`);
}

/** The month of a `YYYY-MM-DD` date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, count: number): string {
  const index = monthIndex(month) + count;
  const year = Math.floor(index / 12);
  const monthNumber = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(monthNumber).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  return addMonths(month, 1);
}

export function previousMonth(month: string): string {
  return addMonths(month, -1);
}

/** The last day of a month as `YYYY-MM-DD`: a row belongs to the month when its date is ≤ this. */
export function lastDayOf(month: string): string {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = monthNumber === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(monthNumber) ? 30 : 31;
  return `${month}-${days}`;
}

/** How many months `from`..`to` holds, both included (0 or less when `to` is before `from`). */
export function monthCount(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from) + 1;
}

/** The earliest of some months, or null when there are none. */
export function earliestMonth(months: Iterable<string | null | undefined>): string | null {
  let earliest: string | null = null;
  for (const month of months) {
    if (month && (earliest === null || month < earliest)) earliest = month;
  }
  return earliest;
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}
