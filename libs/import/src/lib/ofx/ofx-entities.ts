const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

const ENTITY = /&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;

function decodeOnce(text: string): string {
  return text.replace(ENTITY, (entity, body: string) => {
    if (!body.startsWith('#')) return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const codePoint =
      body[1] === 'x' || body[1] === 'X'
        ? parseInt(body.slice(2), 16)
        : parseInt(body.slice(1), 10);
    const valid =
      codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff) && codePoint !== 0;
    return valid ? String.fromCodePoint(codePoint) : entity;
  });
}

/**
 * Decodes HTML/XML character entities in OFX text. Some banks escape twice (`&amp;lt;` for `<`),
 * so a second pass runs when the first changed something; two passes reach the fixed point of
 * every real file, and stopping there keeps a literal `&amp;amp;amp;` from collapsing entirely.
 * Unknown named entities are kept as written.
 */
export function decodeOfxEntities(text: string): string {
  const once = decodeOnce(text);
  return once === text ? text : decodeOnce(once);
}
