import { BUDGET_ID_NAMESPACE } from '@finwise/domain';
import { v5 as uuidv5 } from 'uuid';
import { importedSplitLineId, importedTransactionId } from './imported-transaction-id';

const ACCOUNT = '0B5D2D0E-6A57-4B8E-9D63-6F1E8F0A0001';

describe('importedTransactionId', () => {
  it('is UUIDv5 of import:<account lowercased>:<imported id> in the namespace of FINANCE', () => {
    expect(importedTransactionId(ACCOUNT, 'FIT-1')).toBe(
      uuidv5(
        'import:0b5d2d0e-6a57-4b8e-9d63-6f1e8f0a0001:FIT-1',
        '153e838f-9839-4b71-b628-026323afbf2d',
      ),
    );
  });

  it('hashes a bank id beyond ASCII as its UTF-8 bytes, like uuid given the text', () => {
    const bankId = 'Überweisung €12 😀';
    expect(importedTransactionId(ACCOUNT, bankId)).toBe(
      uuidv5(`import:${ACCOUNT.toLowerCase()}:${bankId}`, BUDGET_ID_NAMESPACE),
    );
  });

  it('does not depend on how the account id is spelled, but on the imported id exactly', () => {
    expect(importedTransactionId(ACCOUNT, 'x')).toBe(
      importedTransactionId(ACCOUNT.toLowerCase(), 'x'),
    );
    expect(importedTransactionId(ACCOUNT, 'x')).not.toBe(importedTransactionId(ACCOUNT, 'X'));
  });
});

describe('importedSplitLineId', () => {
  const parent = importedTransactionId(ACCOUNT, 'syn:abc');

  it('derives from the parent id and the 1-based split position', () => {
    expect(importedSplitLineId(parent, 1)).toBe(
      uuidv5(`import-split:${parent}:1`, BUDGET_ID_NAMESPACE),
    );
    expect(importedSplitLineId(parent, 2)).not.toBe(importedSplitLineId(parent, 1));
    expect(importedSplitLineId(parent.toUpperCase(), 1)).toBe(importedSplitLineId(parent, 1));
  });

  it('refuses a position that is not a whole number from 1', () => {
    expect(() => importedSplitLineId(parent, 0)).toThrow(RangeError);
    expect(() => importedSplitLineId(parent, 1.5)).toThrow(RangeError);
  });
});
