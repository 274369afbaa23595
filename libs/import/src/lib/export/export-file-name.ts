/**
 * The file name an export is saved under: `finwise-<account>-<YYYY-MM-DD>.csv`, the account's
 * name reduced to ASCII letters, digits and dashes so every browser and file system keeps it
 * (`finwise-transactions-…` for the whole household).
 */
export function exportFileName(accountName: string | null | undefined, today: string): string {
  const slug = (accountName ?? '')
    .normalize('NFKD')
    // The accents NFKD splits off (ü → u + ¨) go, so "Müller" reads "muller".
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  const subject = accountName === undefined ? 'transactions' : slug || 'account';
  return `finwise-${subject}-${today}.csv`;
}
