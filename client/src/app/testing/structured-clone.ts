/**
 * jsdom does not offer `structuredClone`, which fake-indexeddb stores values with. The local
 * database only ever holds plain data (rows, outbox entries, meta values), so a clone of
 * plain objects, arrays, dates, maps and sets is all that tests on the real engine need.
 */
export function installStructuredClone(): void {
  if (typeof globalThis.structuredClone === 'function') {
    return;
  }
  const clone = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') {
      return value;
    }
    if (value instanceof Date) {
      return new Date(value.getTime());
    }
    if (Array.isArray(value)) {
      return value.map(clone);
    }
    if (value instanceof Map) {
      return new Map([...value].map(([key, item]) => [clone(key), clone(item)]));
    }
    if (value instanceof Set) {
      return new Set([...value].map(clone));
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clone(item)]));
  };
  globalThis.structuredClone = clone as typeof structuredClone;
}
