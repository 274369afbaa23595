// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Text as search compares it: accents dropped and lower case, so "Café" is found by "cafe".
 * Both the index and the typed query go through here, so they always agree.
 */
export function searchKey(text: string): string {
  // Most notes are plain ASCII: decomposing them would only cost time.
  const lower = text.toLowerCase();
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The words of a text (letters and digits), as search keys. */
export function searchWords(text: string): string[] {
  return searchKey(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** What the user typed, split on spaces; every term must match (a row matches "coffee 4.50"). */
export function searchTerms(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((term) => term !== '');
}
