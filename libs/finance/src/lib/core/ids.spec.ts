import { budgetCellId, budgetMonthId, settingsId } from './ids';

describe('deterministic ids', () => {
  it('budget cell: UUIDv5 of "<categoryId lowercase>:<month>"', () => {
    expect(budgetCellId('0A1B2C3D-0000-4000-8000-00000000ABCD', '2026-03')).toBe(
      '167d8d38-f3f5-59d8-8acd-e6145f7be322',
    );
    expect(budgetCellId('0a1b2c3d-0000-4000-8000-00000000abcd', '2026-03')).toBe(
      '167d8d38-f3f5-59d8-8acd-e6145f7be322',
    );
  });

  it('budget month: UUIDv5 of "month:YYYY-MM"', () => {
    expect(budgetMonthId('2026-03')).toBe('3b4f6d16-e8a9-53d6-9847-8b688320c29c');
  });

  it('settings: UUIDv5 of "settings"', () => {
    expect(settingsId()).toBe('00e23c31-e1e4-5bcc-a4b4-1ce81dc40c9e');
  });
});
