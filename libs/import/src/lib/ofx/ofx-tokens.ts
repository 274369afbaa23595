import { ImportFileError } from '../model/statement';

/**
 * One tag or text run of an OFX body. A single tokenizer serves both dialects: OFX 1.x SGML and
 * OFX 2.x XML share the same tag vocabulary and differ only in whether leaf elements are closed,
 * which the tree builder handles. Reading both ourselves (rather than XML through fast-xml-parser)
 * keeps one code path and, above all, the file line every tag starts on, which error messages and
 * the preview need and which an XML parser's object output does not carry.
 */
export type OfxToken =
  | { readonly kind: 'open'; readonly name: string; readonly line: number; readonly empty: boolean }
  | { readonly kind: 'close'; readonly name: string; readonly line: number }
  /** `literal`: a CDATA section, whose text carries no entities to decode. */
  | {
      readonly kind: 'text';
      readonly value: string;
      readonly line: number;
      readonly literal: boolean;
    };

/** Where the `<OFX>` element starts: everything before it is the SGML or XML header. */
const OFX_START = /<OFX[\s>]/i;

/** 1-based line numbers of offsets, counting CRLF, LF and lone CR as one line break each. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(target: number): number {
    for (; this.offset < target; this.offset++) {
      const char = this.text.charCodeAt(this.offset);
      if (char === 10) this.line++;
      else if (char === 13 && this.text.charCodeAt(this.offset + 1) !== 10) this.line++;
    }
    return this.line;
  }
}

/**
 * Splits an OFX/QFX file into tags and text from its `<OFX>` element on. The header before it
 * (`OFXHEADER:100` lines, or `<?xml …?><?OFX …?>`) is not needed: the bytes were decoded already.
 * Tag names are upper-cased (OFX names are upper-case; some exporters write lower case).
 * Whitespace-only text is dropped; processing instructions, comments and declarations are skipped.
 */
export function tokenizeOfx(text: string): OfxToken[] {
  const start = text.search(OFX_START);
  if (start < 0) throw new ImportFileError('no <OFX> element: this is not an OFX or QFX file');
  const lines = new LineCounter(text);
  const tokens: OfxToken[] = [];
  let at = start;
  while (at < text.length) {
    const open = text.indexOf('<', at);
    const textEnd = open < 0 ? text.length : open;
    pushText(tokens, text.slice(at, textEnd), lines.lineAt(at), false);
    if (open < 0) break;
    const line = lines.lineAt(open);
    at = readMarkup(text, open, line, tokens);
  }
  return tokens;
}

function pushText(tokens: OfxToken[], raw: string, line: number, literal: boolean): void {
  const value = raw.trim();
  if (value !== '' || literal) tokens.push({ kind: 'text', value, line, literal });
}

/** Reads the markup starting at `open` (a `<`) and returns the offset after it. */
function readMarkup(text: string, open: number, line: number, tokens: OfxToken[]): number {
  if (text.startsWith('<![CDATA[', open)) {
    const end = text.indexOf(']]>', open);
    if (end < 0) throw unterminated('CDATA section', line);
    pushText(tokens, text.slice(open + 9, end), line, true);
    return end + 3;
  }
  if (text.startsWith('<!--', open)) {
    const end = text.indexOf('-->', open);
    if (end < 0) throw unterminated('comment', line);
    return end + 3;
  }
  const end = text.indexOf('>', open);
  const nextOpen = text.indexOf('<', open + 1);
  if (end < 0 || (nextOpen >= 0 && nextOpen < end)) throw unterminated('tag', line);
  const inner = text.slice(open + 1, end);
  if (inner.startsWith('?') || inner.startsWith('!')) return end + 1;
  const closing = inner.startsWith('/');
  const empty = !closing && inner.endsWith('/');
  const name = inner
    .slice(closing ? 1 : 0, empty ? -1 : undefined)
    .trim()
    .split(/\s/)[0]
    .toUpperCase();
  if (!/^[A-Z][A-Z0-9._-]*$/.test(name)) {
    throw new ImportFileError(`"<${inner}>" is not an OFX tag`, line);
  }
  tokens.push(closing ? { kind: 'close', name, line } : { kind: 'open', name, line, empty });
  return end + 1;
}

function unterminated(what: string, line: number): ImportFileError {
  return new ImportFileError(`a ${what} is cut off: the file is truncated or damaged`, line);
}
