import { hash } from 'node:crypto';
import type { AcceptedMutation } from './mutation-check';

/**
 * Digest of everything that defines a mutation's effect: the first 16 bytes of its SHA-256,
 * written as a UUID (the mutation log's column type).
 */
export function mutationDigest(m: AcceptedMutation): string {
  const hex = hash(
    'sha256',
    JSON.stringify([m.table.modelName, m.operation, m.hlc, m.data]),
    'hex',
  );
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
