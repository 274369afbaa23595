const JSON_TEXT = Symbol('finwise.jsonText');

/**
 * Computes `value`'s JSON now and keeps it with the value, for the socket packet encoder to
 * send as is: the push path encodes its ack and broadcast while PostgreSQL runs the batch's
 * statement, instead of after the commit while the writer waits. The text is a snapshot;
 * `value` must not change afterwards. It rides on a non-enumerable symbol, so the value's
 * shape, its type and any other serialisation (HTTP, the Redis adapter) stay as they were.
 */
export function withJsonText<T extends object>(value: T): T {
  Object.defineProperty(value, JSON_TEXT, { value: JSON.stringify(value), enumerable: false });
  return value;
}

/** The JSON kept by withJsonText, if any. */
export function jsonTextOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as { [JSON_TEXT]?: string })[JSON_TEXT];
}
