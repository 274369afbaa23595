import { compareHlc, type AnyRecord } from '@finwise/sync-protocol';

interface FieldWrite {
  hlc: string;
  value: unknown;
}

/**
 * What the final state must be, from every write the clients accepted locally: per field the
 * value of the write with the greatest HLC; a row that was ever deleted is a tombstone. A
 * local write is durable in the outbox, so every one of them must reach the server.
 */
export class WriteOracle {
  private readonly fields = new Map<string, Map<string, FieldWrite>>();
  private readonly deleted = new Set<string>();
  /** The HLC of every create and update the clients made (one per mutation). */
  readonly hlcs = new Set<string>();
  writes = 0;

  recordWrite(id: string, row: AnyRecord, written: readonly string[]): void {
    this.writes += 1;
    const fields = this.fields.get(id) ?? new Map<string, FieldWrite>();
    for (const field of written) {
      const hlc = row.fieldClocks[field];
      if (!hlc) throw new Error(`write of ${field} on ${id} has no clock`);
      this.hlcs.add(hlc);
      const previous = fields.get(field);
      if (!previous || compareHlc(hlc, previous.hlc) > 0)
        fields.set(field, { hlc, value: row[field] ?? null });
    }
    this.fields.set(id, fields);
  }

  recordDelete(id: string): void {
    this.writes += 1;
    this.deleted.add(id);
  }

  ids(): string[] {
    return [...new Set([...this.fields.keys(), ...this.deleted])];
  }

  /** Differences between the expectation and the server's row (empty when it holds). */
  check(id: string, serverRow: AnyRecord | undefined): string[] {
    if (!serverRow) return [`${id}: missing on the server`];
    if (this.deleted.has(id)) return serverRow.deletedAt ? [] : [`${id}: should be deleted`];
    if (serverRow.deletedAt) return [`${id}: deleted although nobody deleted it`];
    const problems: string[] = [];
    for (const [field, write] of this.fields.get(id) ?? []) {
      if (
        serverRow.fieldClocks[field] !== write.hlc ||
        JSON.stringify(serverRow[field]) !== JSON.stringify(write.value)
      ) {
        problems.push(
          `${id}.${field}: expected ${JSON.stringify(write.value)}@${write.hlc}, got ${JSON.stringify(serverRow[field])}@${serverRow.fieldClocks[field]}`,
        );
      }
    }
    return problems;
  }
}
