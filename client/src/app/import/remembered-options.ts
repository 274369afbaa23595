import { MAX_TEXT_LENGTH } from '@finwise/domain';
import { importOptionsSchema, type ColumnMapping, type ImportOptions } from '@finwise/import';

/** What the user chose for an account's files: every import option but the lines left out. */
export type ImportChoices = Omit<ImportOptions, 'excludeLines'>;

const choicesSchema = importOptionsSchema.omit({ excludeLines: true });

/**
 * The choices an `import_settings` row holds. A row written by a newer app (an option this one
 * does not know) or damaged text starts over from detection rather than failing the page.
 */
export function readRememberedChoices(text: string | null | undefined): ImportChoices {
  if (!text) return {};
  try {
    const parsed = choicesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * The choices as the row's text, within the field's limit: long header names are remembered by
 * position instead (the same bank writes its columns in the same order), and a mapping that is
 * still too long is left to be chosen again rather than the import failing.
 */
export function rememberedChoicesText(
  choices: ImportChoices,
  columnNames: readonly string[] = [],
): string {
  const { excludeLines: _left, ...kept } = choices as ImportOptions;
  const text = JSON.stringify(kept);
  if (text.length <= MAX_TEXT_LENGTH || !kept.columns) return text;
  const byPosition = JSON.stringify({ ...kept, columns: byPositions(kept.columns, columnNames) });
  if (byPosition.length <= MAX_TEXT_LENGTH) return byPosition;
  const { columns: _dropped, ...rest } = kept;
  return JSON.stringify(rest);
}

function byPositions(mapping: ColumnMapping, names: readonly string[]): ColumnMapping {
  const position = (ref: string | number | undefined) => {
    if (typeof ref !== 'string') return ref;
    const index = names.findIndex((name) => name.toLowerCase() === ref.trim().toLowerCase());
    return index >= 0 ? index : ref;
  };
  return Object.fromEntries(
    Object.entries(mapping).map(([role, ref]) => [role, position(ref)]),
  ) as ColumnMapping;
}
