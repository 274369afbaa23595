import type { AnyRecord, ChangesBroadcast, PushAck } from '@finwise/sync-protocol';
import { RecordJson } from './record-json';

const record = (id: string, extra: Record<string, unknown> = {}): AnyRecord => ({
  id,
  tenantId: 't',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z-0000-0000000000000001',
  deletedAt: null,
  fieldClocks: { name: '2026-12-01T00:00:00.000Z-0000-0000000000000001' },
  name: 'plain',
  ...extra,
});

describe('RecordJson', () => {
  // Strings that a naive splice would break: quotes, escapes, `$` replacement patterns, and
  // text that looks like the marker.
  const tricky = record('b', { name: 'say "hi" \\ $& $1 \u2028 ü 😀', note: '"finwise-record-00-0"' });
  const plain = record('a');

  it('writes an ack exactly as JSON.stringify does', () => {
    const ack: PushAck = {
      results: [
        { mutationId: 'm1', status: 'applied', record: plain },
        { mutationId: 'm2', status: 'rejected', error: { code: 'validation', message: 'no' }, record: tricky },
        { mutationId: 'm3', status: 'stale' },
      ],
      fromCursor: 'c1',
      cursor: 'c2',
    };
    expect(new RecordJson().stringify(ack)).toBe(JSON.stringify(ack));
  });

  it('writes a broadcast and a list of records exactly as JSON.stringify does', () => {
    const texts = new RecordJson();
    const broadcast: ChangesBroadcast = {
      changes: [
        { modelName: 'accounts', record: plain },
        { modelName: 'accounts', record: tricky },
      ],
      fromCursor: 'c1',
      cursor: 'c3',
    };
    expect(texts.array([plain, tricky])).toBe(JSON.stringify([plain, tricky]));
    expect(texts.stringify(broadcast)).toBe(JSON.stringify(broadcast));
    expect(texts.stringify({ nothing: 'here' })).toBe('{"nothing":"here"}');
  });

  it('writes each record once, however often it is spliced', () => {
    const texts = new RecordJson();
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      texts.array([plain]);
      const calls = stringify.mock.calls.length;
      texts.stringify({ results: [{ mutationId: 'm', status: 'applied', record: plain }] });
      // Only the outline: the record's text was reused.
      expect(stringify.mock.calls.length).toBe(calls + 1);
    } finally {
      stringify.mockRestore();
    }
  });

  it('keeps apart two states of one row (a row changed twice in a batch)', () => {
    const texts = new RecordJson();
    const first = record('a', { name: 'first' });
    const second = record('a', { name: 'second' });
    const ack = { results: [{ record: first }, { record: second }] };
    expect(texts.array([second])).toBe(JSON.stringify([second]));
    expect(texts.stringify(ack)).toBe(JSON.stringify(ack));
  });
});
