import { createHash } from 'node:crypto';

/** The namespace of every deterministic id (DESIGN §4, FINANCE §1). */
const NAMESPACE = '153e838f-9839-4b71-b628-026323afbf2d';

/**
 * UUIDv5 (RFC 9562) computed here rather than imported, so the test checks the app's ids
 * against the contract's rule instead of against the app's own code.
 */
function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new payee's id: `payee:` + the name lowercased, trimmed, inner whitespace collapsed. */
export function payeeIdFor(name: string): string {
  return uuidV5(`payee:${name.trim().replace(/\s+/g, ' ').toLowerCase()}`, NAMESPACE);
}

/** A starter category's id: `starter-category:` + its fixed key. */
export function starterCategoryId(key: string): string {
  return uuidV5(`starter-category:${key}`, NAMESPACE);
}
