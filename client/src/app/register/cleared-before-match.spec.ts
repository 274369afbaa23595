import type { HistoryEntry, HistoryField, RowHistory } from '@finwise/sync-protocol';
import { clearedBeforeMatch } from './cleared-before-match';

function entry(fields: HistoryField[], at = '2026-03-10T10:00:00.000Z'): HistoryEntry {
  return {
    hlc: `${at}-0000-client`,
    at,
    userId: null,
    email: null,
    clientId: 'device',
    operation: 'update',
    fields,
  } as HistoryEntry;
}

const match = (previous: boolean | undefined, outcome: 'applied' | 'lost' = 'applied') =>
  entry([
    { field: 'cleared', value: true, outcome, ...(previous === undefined ? {} : { previous }) },
    { field: 'importedId', value: 'bank-1', outcome: 'applied', previous: null },
  ]);

describe('clearedBeforeMatch', () => {
  it('reads the value the match replaced', () => {
    expect(clearedBeforeMatch({ items: [match(false)] }, 'bank-1')).toBe(false);
    expect(clearedBeforeMatch({ items: [match(true)] }, 'bank-1')).toBe(true);
  });

  it('takes the newest change that set this bank id, past later edits', () => {
    const later = entry([{ field: 'cleared', value: true, outcome: 'applied', previous: false }]);
    const history: RowHistory = { items: [later, match(false), match(true)] };
    expect(clearedBeforeMatch(history, 'bank-1')).toBe(false);
  });

  it('does not know when the history has no such change or no previous value', () => {
    expect(clearedBeforeMatch({ items: [] }, 'bank-1')).toBeUndefined();
    expect(clearedBeforeMatch({ items: [match(false)] }, 'bank-2')).toBeUndefined();
    expect(clearedBeforeMatch({ items: [match(undefined)] }, 'bank-1')).toBeUndefined();
    expect(clearedBeforeMatch({ items: [match(false, 'lost')] }, 'bank-1')).toBeUndefined();
  });
});
