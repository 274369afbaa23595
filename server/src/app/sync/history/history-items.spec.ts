import { formatHlc, historyEntrySchema } from '@finwise/sync-protocol';
import type { ClockOrigin, StoredMutation } from './change-history';
import { historyItems } from './history-items';

const PHONE = 'aaaaaaaaaaaaaaaa';
const LAPTOP = 'bbbbbbbbbbbbbbbb';
const T0 = Date.UTC(2026, 10, 25, 16, 40);
const hlc = (offsetMs: number, node: string) =>
  formatHlc({ ms: T0 + offsetMs, counter: 0, nodeId: node });
const FIELDS = ['name', 'amountMinor', 'notes'];

function entry(overrides: Partial<StoredMutation>): StoredMutation {
  return {
    at: new Date(T0),
    hlc: hlc(0, PHONE),
    userId: '5c0d9a14-7e2b-4f63-8a95-1d3e6b7c2f40',
    email: 'ann@example.com',
    clientId: 'phone',
    operation: 'update',
    applied: {},
    replaced: null,
    lost: null,
    ...overrides,
  };
}

describe('historyItems', () => {
  it('lists the fields in entity order with their outcome and what they replaced', () => {
    const [item] = historyItems(
      [
        entry({
          applied: { notes: null, name: 'Rent' },
          replaced: { name: ['Miete', hlc(-5000, PHONE)], notes: ['x', hlc(-5000, PHONE)] },
          lost: { amountMinor: -1250 },
        }),
      ],
      [],
      FIELDS,
    );
    expect(item).toEqual({
      hlc: hlc(0, PHONE),
      at: new Date(T0).toISOString(),
      userId: '5c0d9a14-7e2b-4f63-8a95-1d3e6b7c2f40',
      email: 'ann@example.com',
      clientId: 'phone',
      operation: 'update',
      fields: [
        { field: 'name', value: 'Rent', outcome: 'applied', previous: 'Miete' },
        { field: 'amountMinor', value: -1250, outcome: 'lost' },
        { field: 'notes', value: null, outcome: 'applied', previous: 'x' },
      ],
    });
    expect(historyEntrySchema.safeParse(item).success).toBe(true);
  });

  it('leaves `previous` out for a new row and lists fields the entity no longer has last', () => {
    const [item] = historyItems(
      [entry({ operation: 'create', applied: { zeta: 1, name: 'A', alpha: true } })],
      [],
      FIELDS,
    );
    expect(item.fields).toEqual([
      { field: 'name', value: 'A', outcome: 'applied' },
      { field: 'alpha', value: true, outcome: 'applied' },
      { field: 'zeta', value: 1, outcome: 'applied' },
    ]);
  });

  describe('concurrent', () => {
    // The phone changed the name offline at T0; the laptop's rename reached the server at
    // T0 + 10 s, before the phone's change arrived at T0 + 60 s and replaced it.
    const laptopRename: ClockOrigin = {
      hlc: hlc(9_000, LAPTOP),
      clientId: 'laptop',
      at: new Date(T0 + 10_000),
    };
    const phoneChange = (madeAt: number, node = PHONE, clientId = 'phone') =>
      entry({
        at: new Date(T0 + 60_000),
        hlc: hlc(madeAt, node),
        clientId,
        applied: { name: 'Phone name' },
        replaced: { name: ['Laptop name', laptopRename.hlc] },
      });
    const concurrentOf = (stored: StoredMutation, origins = [laptopRename]) =>
      historyItems([stored], origins, FIELDS)[0].fields[0].concurrent;

    it('marks a change made before the value it replaced reached the server', () => {
      expect(concurrentOf(phoneChange(9_500))).toBe(true);
    });

    it('does not mark a change made after that value arrived (it could have been seen)', () => {
      expect(concurrentOf(phoneChange(10_001))).toBeUndefined();
    });

    it('does not mark replacing a value from the same device, by clock node or by clientId', () => {
      expect(concurrentOf(phoneChange(9_500, LAPTOP, 'phone'))).toBeUndefined();
      expect(concurrentOf(phoneChange(9_500, PHONE, 'laptop'))).toBeUndefined();
    });

    it('does not mark a change whose replaced value has no recorded origin', () => {
      expect(concurrentOf(phoneChange(9_500), [])).toBeUndefined();
    });

    it('judges by the first arrival of a clock that was sent twice', () => {
      const again = { ...laptopRename, at: new Date(T0 + 1_000) };
      expect(concurrentOf(phoneChange(9_500), [laptopRename, again])).toBeUndefined();
    });
  });
});
