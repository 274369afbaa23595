/**
 * The words people read about an entity's rows, declared with the entity so that every screen
 * and every notice, a generated entity's included, words a row the same way.
 */

/** A field of the row another row points to: `field` of the `entity` row whose id is in `via`. */
export interface RowReference<FieldName extends string = string> {
  /** The field of this row that holds the other row's id. */
  readonly via: FieldName;
  /** The model name of the entity pointed to. */
  readonly entity: string;
  readonly field: string;
}

interface RowPhraseWords {
  /** Text before the value; a single space when left out. */
  readonly before?: string;
  /** Names people typed are shown in quotes. */
  readonly quoted?: boolean;
  /** Shown when the value is empty or unknown; without it the part is left out. */
  readonly ifEmpty?: string;
}

/** A field of the row itself, worded by its kind (an amount, a date, a month …). */
export interface OwnFieldPart<FieldName extends string = string> extends RowPhraseWords {
  readonly field: FieldName;
  /** Where a money field's currency comes from: amounts carry none of their own. */
  readonly currency?: RowReference<FieldName>;
}

/** A field of a row this one points to, such as the name of a budget's category. */
export interface ReferencedFieldPart<FieldName extends string = string> extends RowPhraseWords {
  readonly from: RowReference<FieldName>;
}

/** One piece of the phrase that names a row after the entity's label. */
export type RowPhrasePart<FieldName extends string = string> =
  OwnFieldPart<FieldName> | ReferencedFieldPart<FieldName>;

export interface EntityWordingOptions<FieldName extends string> {
  /** What fields are called on screen; a field left out is named after its key. */
  fieldLabels?: Partial<Record<FieldName, string>>;
  /**
   * How a message names one row, e.g. `transaction "Bakery", -€4.50 on Jan 3, 2026` for the
   * parts payee, amount and date. Without it a row is named by its `name` field, if any.
   */
  rowPhrase?: readonly RowPhrasePart<FieldName>[];
}

export interface EntityWording {
  /** A label for every field. */
  readonly fieldLabels: Readonly<Record<string, string>>;
  readonly rowPhrase: readonly RowPhrasePart[];
}

/** `defaultCategoryId` → `Default category id`. */
export function labelFromFieldName(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function isReferencedFieldPart(part: RowPhrasePart): part is ReferencedFieldPart {
  return 'from' in part;
}

/** The complete wording of an entity with these fields; refuses parts naming unknown fields. */
export function entityWording(
  modelName: string,
  fieldNames: readonly string[],
  options: EntityWordingOptions<string> = {},
): EntityWording {
  const declared: Partial<Record<string, string>> = options.fieldLabels ?? {};
  const rowPhrase =
    options.rowPhrase ?? (fieldNames.includes('name') ? [{ field: 'name', quoted: true }] : []);
  for (const part of rowPhrase) {
    const own = isReferencedFieldPart(part) ? [part.from.via] : [part.field, part.currency?.via];
    const unknown = own.find((name) => name !== undefined && !fieldNames.includes(name));
    if (unknown !== undefined) {
      throw new Error(`${modelName}: the row phrase names ${unknown}, which is not a field`);
    }
  }
  return {
    fieldLabels: Object.fromEntries(
      fieldNames.map((name) => [name, declared[name] ?? labelFromFieldName(name)]),
    ),
    rowPhrase,
  };
}
