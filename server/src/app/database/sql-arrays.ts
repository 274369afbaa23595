/**
 * A PostgreSQL array literal (`{a,b,c}`) for values that need no quoting: canonical UUIDs and
 * integers. node-postgres escapes and quotes every element of a JavaScript array, which for the
 * thousands of ids a push batch sends is a visible share of its CPU time. The literal travels
 * as a bound parameter like any other value, so a malformed element can only make the
 * statement fail, never change it.
 */
export function plainArrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}
