const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Throws a RangeError for anything but a `YYYY-MM-DD` date. */
export function assertDate(value: string): void {
  if (!DATE_PATTERN.test(value)) throw new RangeError(`Not a date (YYYY-MM-DD): ${value}`);
}
