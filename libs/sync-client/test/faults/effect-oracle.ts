import type { ServerRecord } from './row-versions';

export interface EffectReport {
  /** Mutations the server processed (each id at most once by construction, checked anyway). */
  mutationsChecked: number;
  /** Mutations whose clock newly took hold in more than one row version. */
  doubleEffects: number;
  problems: string[];
}

/**
 * "No mutation had two effects", checked against everything the server wrote for one household:
 * - the feed advanced by exactly the number of row versions written, each position used once
 *   (a re-applied mutation would take a new position);
 * - walking each row's versions in feed order, a mutation's HLC newly takes hold (in a field
 *   clock or as the tombstone's clock) in at most one version, and only HLCs the clients made
 *   appear at all (deletes' clocks are the tombstones' own);
 * - the mutation log holds exactly the ids the clients pushed, once each, except those the
 *   server rejected (which are not logged).
 */
export function checkEffects(
  record: ServerRecord,
  traffic: { sent: ReadonlySet<string>; lastStatus: ReadonlyMap<string, string> },
  writtenHlcs: ReadonlySet<string>,
): EffectReport {
  const problems: string[] = [];
  const positions = record.versions.map((v) => v.serverSeq).sort((a, b) => a - b);
  const expected = Array.from({ length: record.seq }, (_, i) => i + 1);
  if (positions.length !== expected.length || positions.some((p, i) => p !== expected[i])) {
    problems.push(
      `feed advanced to ${record.seq} but row versions hold positions [${positions.join(',')}]`,
    );
  }

  const effects = new Map<string, number>();
  const previous = new Map<string, { clocks: Record<string, string>; deletedAt: string | null }>();
  for (const version of record.versions) {
    const key = `${version.model}/${version.id}`;
    const before = previous.get(key) ?? { clocks: {}, deletedAt: null };
    const fresh = new Set<string>();
    for (const [field, hlc] of Object.entries(version.fieldClocks)) {
      if (before.clocks[field] === hlc) continue;
      fresh.add(hlc);
      if (!writtenHlcs.has(hlc))
        problems.push(
          `${key}@${version.serverSeq}: ${field} took clock ${hlc}, which no client wrote`,
        );
    }
    if (version.deletedAt !== null && version.deletedAt !== before.deletedAt)
      fresh.add(version.deletedAt);
    for (const hlc of fresh) effects.set(hlc, (effects.get(hlc) ?? 0) + 1);
    previous.set(key, { clocks: version.fieldClocks, deletedAt: version.deletedAt });
  }
  let doubleEffects = 0;
  for (const [hlc, count] of effects) {
    if (count > 1) {
      doubleEffects += 1;
      problems.push(`the mutation with hlc ${hlc} took effect ${count} times`);
    }
  }

  const logged = new Set(record.loggedMutations);
  if (logged.size !== record.loggedMutations.length) problems.push('a mutation id is logged twice');
  for (const id of logged)
    if (!traffic.sent.has(id)) problems.push(`logged mutation ${id} was never pushed`);
  for (const id of traffic.sent) {
    const rejected = traffic.lastStatus.get(id) === 'rejected';
    if (!rejected && !logged.has(id))
      problems.push(
        `pushed mutation ${id} (last answer ${traffic.lastStatus.get(id) ?? 'none'}) is not in the log`,
      );
    if (rejected && logged.has(id)) problems.push(`rejected mutation ${id} is in the log`);
  }
  return { mutationsChecked: logged.size, doubleEffects, problems };
}
