import { ImportFileError } from '../model/statement';
import { decodeUtf16 } from './utf-16';
import { decodeWindows1252 } from './windows-1252';

export interface DecodedText {
  readonly text: string;
  /** WHATWG name of the encoding the bytes were read as: `utf-8`, `utf-16le`, `windows-1252` … */
  readonly encoding: string;
}

/** WHATWG reads every latin1 label as windows-1252; these are the labels bank files carry. */
const WINDOWS_1252_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  '1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  '8859-1',
  'latin1',
  'l1',
  'ascii',
  'us-ascii',
]);
const UTF_16LE_LABELS = new Set(['utf-16le', 'utf-16', 'unicode', 'ucs-2']);
const UTF_16BE_LABELS = new Set(['utf-16be', 'unicodefffe']);
const UTF_8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** How much of a file the encoding and binary checks look at. */
const SAMPLE_BYTES = 8192;

/**
 * Bank file bytes to text (research §3.1 step 1): `encoding` wins when given; otherwise a BOM,
 * then the NUL pattern of BOM-less UTF-16, then valid UTF-8, else windows-1252. NUL characters
 * (padding some exports add) are removed. A file that is not text at all is an `ImportFileError`.
 */
export function decodeBytes(bytes: Uint8Array, encoding?: string): DecodedText {
  rejectKnownBinary(bytes);
  const decoded = encoding === undefined ? decodeDetected(bytes) : decodeAs(bytes, encoding);
  // NUL padding, and the DOS end-of-file mark some old exports still write.
  // eslint-disable-next-line no-control-regex -- removing these control characters is the point
  const text = decoded.text.replace(/\u0000/g, '').replace(/\u001a+$/, '');
  rejectControlCharacters(text);
  return { text, encoding: decoded.encoding };
}

function decodeAs(bytes: Uint8Array, label: string): DecodedText {
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252_LABELS.has(name)) return windows1252(bytes);
  if (UTF_16LE_LABELS.has(name)) return utf16(withoutBom(bytes, [0xff, 0xfe]), true);
  if (UTF_16BE_LABELS.has(name)) return utf16(withoutBom(bytes, [0xfe, 0xff]), false);
  if (UTF_8_LABELS.has(name)) return utf8(bytes, false) ?? { text: '', encoding: 'utf-8' };
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(name);
  } catch {
    throw new ImportFileError(`The encoding "${label}" is not one FinWise can read`);
  }
  return { text: decoder.decode(bytes), encoding: decoder.encoding };
}

function decodeDetected(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return utf8(bytes, false) ?? { text: '', encoding: 'utf-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return utf16(bytes.subarray(2), true);
  if (startsWith(bytes, [0xfe, 0xff])) return utf16(bytes.subarray(2), false);
  const order = utf16ByteOrder(bytes);
  if (order !== undefined) return utf16(bytes, order === 'le');
  return utf8(bytes, true) ?? windows1252(bytes);
}

/**
 * BOM-less UTF-16 of Latin text has a NUL in every other byte: the high byte of each code unit,
 * at odd offsets in little-endian and even offsets in big-endian. Trailing NUL padding is left
 * out of the count so a padded UTF-8 file is not mistaken for UTF-16.
 */
function utf16ByteOrder(bytes: Uint8Array): 'le' | 'be' | undefined {
  let end = Math.min(bytes.length, SAMPLE_BYTES);
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  const pairs = Math.floor(end / 2);
  if (pairs === 0) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < pairs * 2; index += 1) {
    if (bytes[index] !== 0) continue;
    if (index % 2 === 0) evenNuls += 1;
    else oddNuls += 1;
  }
  if (oddNuls >= pairs * 0.5 && evenNuls <= pairs * 0.05) return 'le';
  if (evenNuls >= pairs * 0.5 && oddNuls <= pairs * 0.05) return 'be';
  return undefined;
}

function utf8(bytes: Uint8Array, strict: boolean): DecodedText | undefined {
  try {
    return { text: new TextDecoder('utf-8', { fatal: strict }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return undefined;
  }
}

function utf16(bytes: Uint8Array, littleEndian: boolean): DecodedText {
  return {
    text: decodeUtf16(bytes, littleEndian),
    encoding: littleEndian ? 'utf-16le' : 'utf-16be',
  };
}

function windows1252(bytes: Uint8Array): DecodedText {
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function withoutBom(bytes: Uint8Array, bom: readonly number[]): Uint8Array {
  return startsWith(bytes, bom) ? bytes.subarray(bom.length) : bytes;
}

const NOT_TEXT = 'This file is not a text file';

/** Files people pick by mistake, named so the message can say what to export instead. */
const KNOWN_BINARY: readonly { readonly magic: readonly number[]; readonly kind: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive or an Excel workbook' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an old Excel workbook' },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF' },
  { magic: [0x1f, 0x8b], kind: 'a compressed file' },
  { magic: [0x89, 0x50, 0x4e, 0x47], kind: 'an image' },
  { magic: [0xff, 0xd8, 0xff], kind: 'an image' },
];

function rejectKnownBinary(bytes: Uint8Array): void {
  const known = KNOWN_BINARY.find(({ magic }) => startsWith(bytes, magic));
  if (known) {
    throw new ImportFileError(
      `${NOT_TEXT} (it looks like ${known.kind}): export CSV, OFX, QFX or QIF from your bank`,
    );
  }
}

/** Tab, line feed, form feed, carriage return and DOS end-of-file are the controls text has. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNEXPECTED_CONTROL = /[\u0001-\u0008\u000b\u000e-\u0019\u001b-\u001f\u007f]/g;

function rejectControlCharacters(text: string): void {
  const sample = text.slice(0, SAMPLE_BYTES);
  const controls = sample.match(UNEXPECTED_CONTROL)?.length ?? 0;
  if (controls > 0 && controls >= sample.length * 0.05) {
    throw new ImportFileError(
      `${NOT_TEXT}: it holds binary data. Export CSV, OFX, QFX or QIF from your bank`,
    );
  }
}
