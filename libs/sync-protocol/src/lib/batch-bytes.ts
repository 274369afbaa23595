import type { Mutation } from './messages';

export function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Size of a push batch as the server measures it. */
export function pushBatchBytes(mutations: readonly Mutation[]): number {
  return utf8ByteLength(JSON.stringify({ mutations }));
}
