import { randomBytes } from 'node:crypto';
import type { AnyRecord } from '@finwise/sync-protocol';

/**
 * The JSON of one batch's records, each written once. A merged row goes out three times — in
 * the upsert's `jsonb` parameter, in the writer's ack and in the room's broadcast — and its
 * text is most of each (for a full batch, three times ~450 KB). JSON.stringify is
 * compositional, so a record's text spliced into an enclosing JSON is exactly what
 * stringifying the whole would have written there. A record must not change once written.
 */
export class RecordJson {
  private readonly texts = new WeakMap<AnyRecord, string>();
  /**
   * Stands in for a record in the enclosing text. Random per batch and never sent, so no
   * data can contain it; no character of it needs escaping in JSON.
   */
  private readonly marker = `finwise-record-${randomBytes(12).toString('hex')}-`;
  private readonly markerPattern = new RegExp(`"${this.marker}(\\d+)"`, 'g');

  /** A record's JSON. */
  of(record: AnyRecord): string {
    let text = this.texts.get(record);
    if (text === undefined) {
      text = JSON.stringify(record);
      this.texts.set(record, text);
    }
    return text;
  }

  /** JSON of a list of records. */
  array(records: readonly AnyRecord[]): string {
    return `[${records.map((record) => this.of(record)).join(',')}]`;
  }

  /**
   * JSON.stringify(value), with every object under a `record` key (an ack result's or a
   * change's row) taken from the records' texts.
   */
  stringify(value: object): string {
    const spliced: string[] = [];
    const marker = this.marker;
    const outline = JSON.stringify(value, (key, item: unknown) => {
      if (key !== 'record' || typeof item !== 'object' || item === null || Array.isArray(item)) return item;
      spliced.push(this.of(item as AnyRecord));
      return `${marker}${spliced.length - 1}`;
    });
    if (spliced.length === 0) return outline;
    return outline.replace(this.markerPattern, (_, index: string) => spliced[Number(index)]);
  }
}
