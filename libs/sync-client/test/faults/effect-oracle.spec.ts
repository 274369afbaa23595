import { checkEffects } from './effect-oracle';
import type { RowVersion, ServerRecord } from './row-versions';

const A = '2026-01-01T00:00:00.000Z-0000-aaaaaaaaaaaaaaaa';
const B = '2026-01-01T00:00:01.000Z-0000-bbbbbbbbbbbbbbbb';
const C = '2026-01-01T00:00:02.000Z-0000-aaaaaaaaaaaaaaaa';
const version = (
  serverSeq: number,
  fieldClocks: Record<string, string>,
  deletedAt: string | null = null,
  id = 'r1',
): RowVersion => ({ model: 'categories', id, serverSeq, deletedAt, fieldClocks });
const traffic = (sent: string[], rejected: string[] = []) => ({
  sent: new Set([...sent, ...rejected]),
  lastStatus: new Map(rejected.map((id) => [id, 'rejected'])),
});
const clean = (): ServerRecord => ({
  seq: 3,
  versions: [
    version(1, { name: A, hidden: A }),
    version(2, { name: B, hidden: A }),
    version(3, {}, C),
  ],
  loggedMutations: ['m1', 'm2', 'm3'],
});

describe('checkEffects', () => {
  it('accepts a history where every mutation took hold once', () => {
    expect(checkEffects(clean(), traffic(['m1', 'm2', 'm3'], ['m4']), new Set([A, B]))).toEqual({
      mutationsChecked: 3,
      doubleEffects: 0,
      problems: [],
    });
  });

  it('finds a mutation applied twice (its clock takes hold again after being overwritten)', () => {
    const record = clean();
    record.versions = [version(1, { name: A }), version(2, { name: B }), version(3, { name: A })];
    const report = checkEffects(record, traffic(['m1', 'm2', 'm3']), new Set([A, B]));
    expect(report.doubleEffects).toBe(1);
    expect(report.problems).toEqual([`the mutation with hlc ${A} took effect 2 times`]);
  });

  it('finds a feed position used twice or skipped', () => {
    const record = clean();
    record.versions[2] = version(2, {}, C);
    expect(checkEffects(record, traffic(['m1', 'm2', 'm3']), new Set([A, B])).problems).toEqual([
      'feed advanced to 3 but row versions hold positions [1,2,2]',
    ]);
  });

  it('finds clocks no client wrote, and log entries that do not match what was pushed', () => {
    const report = checkEffects(clean(), traffic(['m1', 'm2', 'm9'], ['m3']), new Set([A]));
    expect(report.problems).toEqual([
      `categories/r1@2: name took clock ${B}, which no client wrote`,
      'pushed mutation m9 (last answer none) is not in the log',
      'rejected mutation m3 is in the log',
    ]);
  });
});
