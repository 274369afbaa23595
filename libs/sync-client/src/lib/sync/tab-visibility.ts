/** The part of `document` the visibility trigger needs (structural: Node has no DOM types). */
interface VisibilityDocument {
  readonly visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/**
 * Calls `visible` whenever the page becomes visible again: a tab that was in the background
 * (timers throttled, a broadcast possibly lost) should catch up before the user looks at stale
 * rows. Where there is no document (Node) it does nothing. Returns the unsubscribe.
 */
export function onTabVisible(visible: () => void): () => void {
  const doc = (globalThis as { document?: Partial<VisibilityDocument> }).document;
  if (typeof doc?.addEventListener !== 'function' || typeof doc.removeEventListener !== 'function')
    return () => undefined;
  const page = doc as VisibilityDocument;
  const listener = () => {
    if (page.visibilityState === 'visible') visible();
  };
  page.addEventListener('visibilitychange', listener);
  return () => page.removeEventListener('visibilitychange', listener);
}
