/**
 * Guards for amounts given to actions: money is integer minor units, and a fractional or unsafe
 * number would silently round somewhere downstream.
 */
export function assertMinorUnits(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be an integer number of minor units, got ${value}`);
  }
}
