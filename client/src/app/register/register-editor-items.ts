import type { RegisterEntry, RegisterItem } from './register-items';

/** The edited row, drawn as an editor in place of the row. */
export interface RegisterEditorItem {
  kind: 'editor';
  key: string;
  entry: RegisterEntry;
}

/**
 * Empty slots after the editor. The virtual scroll needs rows of one height; the editor is
 * taller, so it overlays these slots and the rows below move down instead of being covered.
 */
export interface RegisterFillerItem {
  kind: 'filler';
  key: string;
}

export type RegisterViewItem = RegisterItem | RegisterEditorItem | RegisterFillerItem;

/**
 * The register's rows with one transaction opened for editing where it stands: its row
 * becomes the editor (which also holds its split lines) followed by `slots - 1` fillers.
 * Returns the rows unchanged when the transaction is not (or no longer) in this register.
 */
export function withRowEditor(
  items: readonly RegisterItem[],
  editingId: string | null,
  slots: number,
): RegisterViewItem[] {
  const at = editingId
    ? items.findIndex((item) => item.kind === 'entry' && item.transaction.id === editingId)
    : -1;
  if (at < 0) {
    return [...items];
  }
  const entry = items[at] as RegisterEntry;
  const fillers: RegisterFillerItem[] = Array.from({ length: Math.max(slots, 1) - 1 }, (_, n) => ({
    kind: 'filler',
    key: `${entry.key}:filler:${n}`,
  }));
  const rest = items
    .slice(at + 1)
    .filter((item) => item.kind === 'entry' || item.parent.id !== editingId);
  return [
    ...items.slice(0, at),
    { kind: 'editor', key: `${entry.key}:editor`, entry },
    ...fillers,
    ...rest,
  ];
}

/** Rows the editor needs to show `heightPx` of content, at least one. */
export function editorSlots(heightPx: number, rowHeightPx: number): number {
  return Math.max(1, Math.ceil(heightPx / rowHeightPx));
}
