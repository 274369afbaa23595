import { exportFileName } from './export-file-name';

describe('exportFileName', () => {
  it('names the account in ASCII', () => {
    expect(exportFileName('Girokonto Müller & Co.', '2026-12-07')).toBe(
      'finwise-girokonto-muller-co-2026-12-07.csv',
    );
  });
  it('names a whole-household export and an account without a usable name', () => {
    expect(exportFileName(undefined, '2026-12-07')).toBe('finwise-transactions-2026-12-07.csv');
    expect(exportFileName('日本', '2026-12-07')).toBe('finwise-account-2026-12-07.csv');
  });
});
