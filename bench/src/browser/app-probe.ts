/**
 * Evaluated inside the real app's pages (see app-probe-api.ts). It only watches the DOM, times
 * frames and runs the raw Dexie baseline; it never calls into the app. Dexie's package shares
 * one Dexie per page (a global symbol), so the baseline runs on the very Dexie the app loaded.
 */
import Dexie from 'dexie';
import {
  APP_PROBE_GLOBAL,
  type AppProbeApi,
  type TextWatch,
  type WatchResult,
} from './app-probe-api';

const epochNow = () => performance.timeOrigin + performance.now();
const normalise = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

const formats = new Map<string, Intl.NumberFormat>();

/** As the app's money pipe formats: exact decimal text of the minor units, Intl in the browser's language. */
function formatMinor(minor: number, currency: string): string {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(navigator.language, { style: 'currency', currency });
    formats.set(currency, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const absolute = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  const decimal =
    `${minor < 0 ? '-' : ''}${absolute.slice(0, absolute.length - digits)}` +
    (digits > 0 ? `.${absolute.slice(-digits)}` : '');
  // Intl formats a decimal string exactly (a number would pass through a binary float).
  return format.format(decimal as unknown as number);
}

const expectedText = (watch: TextWatch) =>
  normalise(`${watch.prefix}${formatMinor(watch.minor, watch.currency)}`);
const isShown = (watch: TextWatch, expected: string) =>
  normalise(document.querySelector(watch.selector)?.textContent) === expected;
const describe = (watches: readonly TextWatch[]) =>
  watches
    .map(
      (w) =>
        `${w.name}: want "${expectedText(w)}", shows "${normalise(document.querySelector(w.selector)?.textContent)}"`,
    )
    .join('; ');

/**
 * Calls `check` after every DOM change (MutationObserver: in the same task as the change, before
 * the frame is painted) until it returns true or `timeoutMs` passes.
 */
function whenTrue(check: () => boolean, timeoutMs: number, failure: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const observer = new MutationObserver(() => {
      if (check()) finish();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`not shown within ${timeoutMs} ms: ${failure()}`));
    }, timeoutMs);
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

const CLOCK_CHANNEL = 'finwise-bench-clock';

let armed: Promise<WatchResult> | null = null;
let rawStore: Dexie | null = null;

const probe: AppProbeApi = {
  async arm({ watches, afterEnter, timeoutMs }) {
    const expected = new Map(watches.map((watch) => [watch.name, expectedText(watch)]));
    const early = watches.filter((watch) => isShown(watch, expected.get(watch.name) ?? ''));
    if (early.length > 0)
      throw new Error(`already shown before the edit: ${early.map((w) => w.name).join(', ')}`);
    const result: WatchResult = { enterAt: null, enterEventAt: null, at: {} };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || result.enterAt !== null) return;
      result.enterAt = epochNow();
      result.enterEventAt = performance.timeOrigin + event.timeStamp;
    };
    if (afterEnter) window.addEventListener('keydown', onKey, { capture: true });
    const done = whenTrue(
      () => {
        for (const watch of watches) {
          if (!(watch.name in result.at) && isShown(watch, expected.get(watch.name) ?? ''))
            result.at[watch.name] = epochNow();
        }
        return watches.every((watch) => watch.name in result.at);
      },
      timeoutMs,
      () => describe(watches),
    );
    armed = done
      .then(() => {
        if (afterEnter && result.enterAt === null)
          throw new Error('the texts appeared without an Enter keydown');
        return result;
      })
      .finally(() => window.removeEventListener('keydown', onKey, { capture: true }));
    // Unhandled until `seen()` is asked; keep the page from reporting it in the meantime.
    armed.catch(() => undefined);
  },

  seen() {
    if (!armed) return Promise.reject(new Error('arm() first'));
    const pending = armed;
    armed = null;
    return pending;
  },

  shown({ watches, timeoutMs }) {
    const expected = watches.map((watch) => [watch, expectedText(watch)] as const);
    return whenTrue(
      () => expected.every(([watch, text]) => isShown(watch, text)),
      timeoutMs,
      () => describe(watches),
    );
  },

  answerClock({ rounds }) {
    const channel = new BroadcastChannel(CLOCK_CHANNEL);
    let left = rounds;
    channel.onmessage = (event: MessageEvent<{ ping: number }>) => {
      channel.postMessage({ pong: event.data.ping, at: epochNow() });
      left -= 1;
      if (left === 0) channel.close();
    };
  },

  async clockOffset({ rounds }) {
    const channel = new BroadcastChannel(CLOCK_CHANNEL);
    let best = { offsetMs: Number.NaN, uncertaintyMs: Number.POSITIVE_INFINITY };
    try {
      for (let ping = 0; ping < rounds; ping += 1) {
        const sent = epochNow();
        const at = await new Promise<number>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error('no answer from the other window')),
            5_000,
          );
          channel.onmessage = (event: MessageEvent<{ pong: number; at: number }>) => {
            if (event.data.pong !== ping) return;
            clearTimeout(timer);
            resolve(event.data.at);
          };
          channel.postMessage({ ping });
        });
        const received = epochNow();
        const half = (received - sent) / 2;
        if (half < best.uncertaintyMs) best = { offsetMs: at - (sent + half), uncertaintyMs: half };
      }
    } finally {
      channel.close();
    }
    return best;
  },

  state() {
    return { visibility: document.visibilityState };
  },

  async prepareRawStore({ tenantId }) {
    const started = performance.now();
    // The household's local database, opened in its current version, only read.
    const source = new Dexie(`finwise-${tenantId}`);
    await source.open();
    const table = source.table('transactions');
    const schema = [table.schema.primKey, ...table.schema.indexes].map((index) => index.src);
    const rows = await table.toArray();
    source.close();
    rawStore = new Dexie(`bench-raw-edit-${Date.now()}`);
    rawStore.version(1).stores({ transactions: schema.join(', ') });
    await rawStore.open();
    for (let offset = 0; offset < rows.length; offset += 1000)
      await rawStore.table('transactions').bulkPut(rows.slice(offset, offset + 1000));
    return { rows: rows.length, ms: performance.now() - started, schema: schema.join(', ') };
  },

  async rawPutGet({ id, amountMinor }) {
    if (!rawStore) throw new Error('prepareRawStore() first');
    const table = rawStore.table<Record<string, unknown>, string>('transactions');
    const row = await table.get(id);
    if (!row) throw new Error(`row ${id} is not in the raw store`);
    const started = performance.now();
    await table.put({ ...row, amountMinor });
    const back = await table.get(id);
    const ms = performance.now() - started;
    if (back?.['amountMinor'] !== amountMinor) throw new Error('the raw put was not read back');
    return { ms };
  },

  async dropRawStore() {
    if (!rawStore) return;
    const name = rawStore.name;
    rawStore.close();
    rawStore = null;
    await Dexie.delete(name);
  },

  frames({ selector, durationMs, stepPx }) {
    const element = selector ? document.querySelector<HTMLElement>(selector) : null;
    if (selector && !element) return Promise.reject(new Error(`no ${selector} to scroll`));
    return new Promise((resolve) => {
      const times: number[] = [];
      let scrolledPx = 0;
      let maxRenderedRows = 0;
      let step = stepPx;
      const frame = (time: number) => {
        times.push(time);
        if (element) {
          const before = element.scrollTop;
          const atEnd =
            step > 0 ? before + element.clientHeight >= element.scrollHeight - 1 : before <= 0;
          if (atEnd) step = -step;
          element.scrollBy(0, step);
          scrolledPx += Math.abs(element.scrollTop - before);
          maxRenderedRows = Math.max(maxRenderedRows, element.querySelectorAll('li').length);
        }
        if (time - times[0] < durationMs) requestAnimationFrame(frame);
        else resolve({ times, scrolledPx, maxRenderedRows });
      };
      requestAnimationFrame(frame);
    });
  },
};

(globalThis as unknown as Record<string, AppProbeApi>)[APP_PROBE_GLOBAL] = probe;
