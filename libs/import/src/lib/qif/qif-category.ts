/** What a QIF `L` (or split `S`) field names. */
export interface QifCategory {
  readonly categoryName?: string;
  readonly categoryGroup?: string;
  readonly transferAccountName?: string;
}

/**
 * `[Account]` is a transfer to that account; `Group:Category` a category inside a group; a bare
 * name a category without a group. Deeper Quicken paths (`Auto:Fuel:Diesel`) keep their first
 * level as the group and the rest as the category name (`Fuel:Diesel`), losing nothing. A Quicken
 * class after `/` (`Food:Groceries/Vacation`) has no FinWise counterpart and is dropped.
 */
export function readQifCategory(raw: string): QifCategory {
  const withoutClass = stripClass(raw.trim());
  const transfer = /^\[(.*)\]$/.exec(withoutClass);
  if (transfer) {
    const account = transfer[1].trim();
    return account === '' ? {} : { transferAccountName: account };
  }
  const colon = withoutClass.indexOf(':');
  if (colon < 0) return withoutClass === '' ? {} : { categoryName: withoutClass };
  const group = withoutClass.slice(0, colon).trim();
  const name = withoutClass.slice(colon + 1).trim();
  if (name === '') return group === '' ? {} : { categoryName: group };
  return group === '' ? { categoryName: name } : { categoryGroup: group, categoryName: name };
}

/** The class starts at the first `/` after a `[transfer]`. */
function stripClass(text: string): string {
  const bracketEnd = text.startsWith('[') ? text.indexOf(']') : -1;
  const slash = text.indexOf('/', bracketEnd + 1);
  return slash < 0 ? text : text.slice(0, slash).trim();
}
