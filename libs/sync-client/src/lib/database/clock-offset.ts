/**
 * A device clock off by no more than this stamps with its own time (DESIGN §6): small
 * differences are normal, and following every measurement would only add jitter.
 */
export const CLOCK_OFFSET_THRESHOLD_MS = 60_000;

/** The device clock around a request. */
export interface RequestTiming {
  /** When the request was sent… */
  sentAtMs: number;
  /** …and when its answer arrived. */
  receivedAtMs: number;
}

/** When the server told its time, as the device measured around the request. */
export interface ServerTimeSample extends RequestTiming {
  /** `serverTime` of an ack or pull page (ISO). */
  serverTime: string;
}

/**
 * What to add to the device clock to get the server's: the server read its clock somewhere
 * between send and receipt, so the middle of the two is the best guess. Null when the server
 * sent no usable time (an older server).
 */
export function measuredOffset(sample: ServerTimeSample): number | null {
  const serverMs = Date.parse(sample.serverTime);
  if (Number.isNaN(serverMs)) return null;
  return Math.round(serverMs - (sample.sentAtMs + sample.receivedAtMs) / 2);
}

/** The offset the clock stamps with: 0 while the device is within a minute of the server. */
export function stampingOffset(measured: number): number {
  return Math.abs(measured) > CLOCK_OFFSET_THRESHOLD_MS ? measured : 0;
}
