import type { PayeeRow } from '../core/rows';
import { payeeResolver, resolvePayeeId } from './resolve-payee';

function payee(id: string, mergedIntoId: string | null = null): PayeeRow {
  return { id, name: id, mergedIntoId };
}

describe('payee merge resolution', () => {
  it('follows mergedIntoId to the end of the chain', () => {
    const payees = [payee('a', 'b'), payee('b', 'c'), payee('c'), payee('d')];
    const resolve = payeeResolver(payees);
    expect(['a', 'b', 'c', 'd'].map(resolve)).toEqual(['c', 'c', 'c', 'd']);
  });

  it('resolves a cycle to its smallest id, also when entered from a tail', () => {
    const payees = [payee('q', 'k'), payee('k', 'm'), payee('m', 'q'), payee('z', 'm')];
    const resolve = payeeResolver(payees);
    expect(['z', 'q', 'k', 'm'].map(resolve)).toEqual(['k', 'k', 'k', 'k']);
    expect(resolvePayeeId('z', payees)).toBe('k');
    expect(resolvePayeeId('x', [payee('x', 'x')])).toBe('x');
  });

  it('stops at the last known payee, and returns unknown ids as they are', () => {
    const payees = [payee('a', 'b'), payee('b', 'not-synced-yet')];
    expect(resolvePayeeId('a', payees)).toBe('b');
    expect(resolvePayeeId('unknown', payees)).toBe('unknown');
  });
});
