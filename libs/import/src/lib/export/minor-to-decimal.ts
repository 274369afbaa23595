/**
 * An integer amount of minor units as a decimal with exactly `exponent` fraction digits, `.` as
 * separator, no grouping and `-` for negatives (−1234, 2 → "-12.34"; 5, 3 → "0.005"). Built from
 * the integer's digits, never through floating point.
 */
export function minorToDecimal(amountMinor: number, exponent: number): string {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`amount ${amountMinor} is not a whole number of minor units`);
  }
  if (!Number.isInteger(exponent) || exponent < 0) {
    throw new RangeError(`exponent ${exponent} is not a whole number ≥ 0`);
  }
  const negative = amountMinor < 0;
  const digits = String(negative ? -amountMinor : amountMinor).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const unsigned = exponent === 0 ? whole : `${whole}.${fraction}`;
  return negative ? `-${unsigned}` : unsigned;
}
