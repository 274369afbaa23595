/** One refresh of a 60 Hz display. */
export const FRAME_MS = 1000 / 60;

export interface FrameStats {
  /** Frame intervals measured (one fewer than the frames seen). */
  intervals: number;
  seconds: number;
  fps: number;
  /** Intervals longer than 1.5 refreshes: at least one frame was not produced. */
  longIntervals: number;
  /** Σ over the long intervals of the refreshes they skipped: round(interval ÷ refresh) − 1. */
  droppedFrames: number;
  worstMs: number;
}

/** Frame rate and dropped frames from `requestAnimationFrame` timestamps (ms, ascending). */
export function frameStats(times: readonly number[], refreshMs = FRAME_MS): FrameStats {
  const gaps = times.slice(1).map((time, i) => time - times[i]);
  const seconds = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : 0;
  const long = gaps.filter((gap) => gap > 1.5 * refreshMs);
  return {
    intervals: gaps.length,
    seconds,
    fps: seconds > 0 ? gaps.length / seconds : Number.NaN,
    longIntervals: long.length,
    droppedFrames: long.reduce((sum, gap) => sum + Math.round(gap / refreshMs) - 1, 0),
    worstMs: gaps.length > 0 ? Math.max(...gaps) : Number.NaN,
  };
}
