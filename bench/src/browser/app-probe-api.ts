/**
 * What the probe (app-probe.ts, bundled for Chromium and evaluated in the real app's pages over
 * the DevTools protocol, so the app's CSP does not apply to it) offers to the Node side. Times
 * are epoch milliseconds (`performance.timeOrigin + performance.now()`), so that two tabs'
 * times can be compared.
 */
export interface AppProbeApi {
  /**
   * Starts watching the page for texts (each: the normalised text of the first element matching
   * `selector` equals `prefix` + the amount formatted as the app formats money). With
   * `afterEnter`, the watch also records the next Enter keydown (a capturing listener on
   * `window`, so it runs before the app's handlers). Fails when a text is already shown.
   */
  arm(input: { watches: TextWatch[]; afterEnter: boolean; timeoutMs: number }): Promise<void>;
  /** Resolves once every armed text appeared (rejects after the armed timeout). */
  seen(): Promise<WatchResult>;
  /** Resolves once every text is shown, however long it has been (checks of the model). */
  shown(input: { watches: TextWatch[]; timeoutMs: number }): Promise<void>;
  /**
   * The other window's side of `clockOffset`: answers the next `rounds` pings on a
   * BroadcastChannel with its own epoch time.
   */
  answerClock(input: { rounds: number }): void;
  /**
   * How far the other window's epoch clock is ahead of this one's: the ping with the shortest
   * round trip, offset = their time − the midpoint of ours, within ± half that round trip.
   */
  clockOffset(input: { rounds: number }): Promise<{ offsetMs: number; uncertaintyMs: number }>;
  /** The page's `document.visibilityState`. */
  state(): { visibility: string };
  /**
   * A Dexie database whose transactions table has the schema of the household's local one (its
   * primary key and indexes, read from it), filled with a copy of every row of that table.
   */
  prepareRawStore(input: {
    tenantId: string;
  }): Promise<{ rows: number; ms: number; schema: string }>;
  /** Timed: one `put` of the stored row with the new amount, then one `get` of it by id. */
  rawPutGet(input: { id: string; amountMinor: number }): Promise<{ ms: number }>;
  dropRawStore(): Promise<void>;
  /**
   * `requestAnimationFrame` timestamps for `durationMs`; with `selector`, each frame scrolls that
   * element by `stepPx` (reversing at either end).
   */
  frames(input: { selector: string | null; durationMs: number; stepPx: number }): Promise<{
    times: number[];
    scrolledPx: number;
    maxRenderedRows: number;
  }>;
}

export interface TextWatch {
  name: string;
  selector: string;
  /** Text before the amount, e.g. a visually hidden label ("Amount "). */
  prefix: string;
  minor: number;
  currency: string;
}

export interface WatchResult {
  /** The Enter keydown as the capturing listener saw it (null when not armed for one). */
  enterAt: number | null;
  /** The keydown event's own timestamp: when the browser delivered it to the page. */
  enterEventAt: number | null;
  /** When each watched text first appeared. */
  at: Record<string, number>;
}

export const APP_PROBE_GLOBAL = 'finwiseAppProbe';
