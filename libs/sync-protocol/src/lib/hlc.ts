/**
 * Hybrid logical clock timestamps: `<ISO-8601 UTC with ms>-<counter: 4 hex>-<nodeId: 16 hex>`.
 * The fixed-width layout makes plain string comparison equal to causal order, so HLCs can be
 * compared, stored and indexed as ordinary strings everywhere (SQL, IndexedDB, JSON).
 */
export type Hlc = string;

export const HLC_PATTERN =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;
const NODE_ID_PATTERN = /^[0-9a-f]{16}$/;

const MAX_COUNTER = 0xffff;
/** HLCs before this instant are certainly wrong device clocks, not real edits. */
export const EARLIEST_HLC_MS = Date.UTC(2000, 0, 1);

export interface HlcParts {
  /** Milliseconds since the epoch of the physical part. */
  ms: number;
  counter: number;
  nodeId: string;
}

export function formatHlc(parts: HlcParts): Hlc {
  if (!Number.isSafeInteger(parts.ms) || parts.ms < 0 || parts.ms > MAX_HLC_MS) {
    throw new RangeError(`HLC time out of range: ${parts.ms}`);
  }
  if (!Number.isInteger(parts.counter) || parts.counter < 0 || parts.counter > MAX_COUNTER) {
    throw new RangeError(`HLC counter out of range: ${parts.counter}`);
  }
  if (!NODE_ID_PATTERN.test(parts.nodeId)) {
    throw new RangeError(`HLC node id must be 16 lowercase hex digits: ${parts.nodeId}`);
  }
  return `${new Date(parts.ms).toISOString()}-${parts.counter.toString(16).padStart(4, '0')}-${parts.nodeId}`;
}

/** Latest instant whose ISO form still has a 4-digit year (keeps the string fixed-width). */
const MAX_HLC_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Parses an HLC, or returns null when it is not well-formed or not a real instant. */
export function parseHlc(value: unknown): HlcParts | null {
  if (typeof value !== 'string') return null;
  const match = HLC_PATTERN.exec(value);
  if (!match) return null;
  const [, iso, counterHex, nodeId] = match;
  const ms = Date.parse(iso);
  // Round-tripping rejects impossible dates such as 2026-02-30 that Date.parse would roll over.
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== iso) return null;
  return { ms, counter: parseInt(counterHex, 16), nodeId };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxHlc(a: Hlc, b: Hlc): Hlc;
export function maxHlc(a: Hlc | null | undefined, b: Hlc | null | undefined): Hlc | null;
export function maxHlc(a: Hlc | null | undefined, b: Hlc | null | undefined): Hlc | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a >= b ? a : b;
}

export type HlcProblem = 'malformed' | 'too_old' | 'clock_skew';

/**
 * Checks a received HLC against the receiver's wall clock. Anything more than `maxAheadMs`
 * ahead is refused so that one device with a wrong clock cannot win every future conflict.
 */
export function checkHlc(hlc: unknown, nowMs: number, maxAheadMs: number): HlcProblem | null {
  const parts = parseHlc(hlc);
  if (!parts) return 'malformed';
  if (parts.ms < EARLIEST_HLC_MS) return 'too_old';
  if (parts.ms - nowMs > maxAheadMs) return 'clock_skew';
  return null;
}

export interface HlcState {
  ms: number;
  counter: number;
}

/** Random 16-hex node id; uses Web Crypto, available in browsers and Node ≥ 19. */
export function randomNodeId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One clock per replica. `tick()` stamps a local change; `observe()` folds in a received
 * timestamp so the next local change is ordered after everything this replica has seen.
 */
export class HybridLogicalClock {
  private ms: number;
  private counter: number;

  constructor(
    readonly nodeId: string,
    private readonly wallClock: () => number = Date.now,
    state?: HlcState,
  ) {
    if (!NODE_ID_PATTERN.test(nodeId)) {
      throw new RangeError(`HLC node id must be 16 lowercase hex digits: ${nodeId}`);
    }
    this.ms = state?.ms ?? 0;
    this.counter = state?.counter ?? 0;
  }

  get state(): HlcState {
    return { ms: this.ms, counter: this.counter };
  }

  /** The latest timestamp issued or observed (not a new one). */
  get last(): Hlc {
    return formatHlc({ ms: this.ms, counter: this.counter, nodeId: this.nodeId });
  }

  tick(): Hlc {
    const wall = this.wallClock();
    if (wall > this.ms) {
      this.ms = wall;
      this.counter = 0;
    } else {
      this.increment();
    }
    return this.last;
  }

  /** Returns a new timestamp strictly greater than both this clock and `floor`. */
  tickAfter(floor: Hlc | null | undefined): Hlc {
    if (floor) this.observe(floor);
    return this.tick();
  }

  observe(remote: Hlc): void {
    const parts = parseHlc(remote);
    if (!parts) return;
    const wall = this.wallClock();
    const previous = this.ms;
    const next = Math.max(previous, parts.ms, wall);
    if (next === previous && next === parts.ms) {
      this.counter = Math.max(this.counter, parts.counter);
    } else if (next === parts.ms) {
      this.ms = next;
      this.counter = parts.counter;
    } else if (next !== previous) {
      this.ms = next;
      this.counter = 0;
    }
  }

  private increment(): void {
    if (this.counter === MAX_COUNTER) {
      // Borrow a millisecond instead of wrapping: order must never go backwards.
      this.ms += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}
