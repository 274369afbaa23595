import { settingsId } from '@finwise/domain';
import { BackupRejected, readBackupDocument } from './backup-document';

const ACCOUNT = {
  id: '00000000-0000-4000-8000-0000000000A1',
  name: 'Giro',
  groupId: null,
  type: 'checking',
  currency: 'EUR',
  onBudget: true,
  closed: false,
  sortOrder: 0,
  note: null,
};

const document = (entities: Record<string, unknown>) => ({
  format: 'finwise-household',
  version: 1,
  exportedAt: '2026-12-07T08:00:00.000Z',
  entities,
});

const rejection = (body: unknown): BackupRejected => {
  try {
    readBackupDocument(body);
  } catch (error) {
    if (error instanceof BackupRejected) return error;
    throw error;
  }
  throw new Error('the document was accepted');
};

describe('readBackupDocument', () => {
  it('returns the rows by entity, normalised as every write is', () => {
    const rows = readBackupDocument(
      document({ accounts: [ACCOUNT], settings: [{ id: settingsId(), budgetCurrency: 'EUR' }] }),
    );
    expect(rows.get('accounts')).toEqual([{ ...ACCOUNT, id: ACCOUNT.id.toLowerCase() }]);
    expect(rows.get('settings')?.[0]).toMatchObject({ budgetCurrency: 'EUR' });
    expect(rows.has('transactions')).toBe(false);
  });

  it.each([
    ['not an object', [], 'the backup must be a JSON object'],
    ['another format', { ...document({}), format: 'other' }, 'format must be "finwise-household"'],
    [
      'a missing version',
      { ...document({}), version: undefined },
      'version undefined is not supported',
    ],
    ['entities as a list', { ...document({}), entities: [] }, 'entities must be an object'],
  ])('refuses %s', (_what, body, message) => {
    expect(rejection(body).message).toContain(message);
  });

  it('names the entity and row of a row its entity refuses', () => {
    const error = rejection(document({ accounts: [{ ...ACCOUNT, currency: 'euro' }] }));
    expect(error.details).toMatchObject({ entity: 'accounts', id: ACCOUNT.id });
    expect(error.message).toMatch(
      /^accounts row 00000000-0000-4000-8000-0000000000A1: data\.currency/,
    );
  });

  it('names a row without an id by its position', () => {
    const { id: _id, ...withoutId } = ACCOUNT;
    expect(rejection(document({ accounts: [ACCOUNT, withoutId] })).message).toMatch(
      /^accounts row 2: data\.id/,
    );
  });

  it('refuses the settings row under another id and a row given twice', () => {
    expect(
      rejection(
        document({
          settings: [{ id: '00000000-0000-4000-8000-000000000001', budgetCurrency: 'EUR' }],
        }),
      ).details.entity,
    ).toBe('settings');
    expect(rejection(document({ accounts: [ACCOUNT, ACCOUNT] })).message).toContain(
      'appears twice',
    );
  });
});
