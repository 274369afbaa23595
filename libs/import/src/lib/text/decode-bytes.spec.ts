import { ImportFileError } from '../model/statement';
import { decodeBytes } from './decode-bytes';

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string, littleEndian: boolean, bom: boolean) => {
  const bytes: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    const pair = [unit & 0xff, unit >> 8];
    bytes.push(...(littleEndian ? pair : pair.reverse()));
  }
  return Uint8Array.from(bytes);
};

const HUNGARIAN = 'Könyvelés dátuma;Összeg;Devizanem\r\n2025.12.04;100;HUF\r\n';

describe('decodeBytes', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Datum;Empfänger\n')]);
    expect(decodeBytes(bytes)).toEqual({ text: 'Datum;Empfänger\n', encoding: 'utf-8' });
  });

  it('reads valid UTF-8 without a BOM as UTF-8', () => {
    expect(decodeBytes(utf8('Straße € 1,00'))).toEqual({
      text: 'Straße € 1,00',
      encoding: 'utf-8',
    });
  });

  it.each([
    ['utf-16le', true, true],
    ['utf-16le', true, false],
    ['utf-16be', false, true],
    ['utf-16be', false, false],
  ])('reads %s (BOM: %s) from its BOM or its NUL pattern', (encoding, littleEndian, bom) => {
    expect(decodeBytes(utf16(HUNGARIAN, littleEndian as boolean, bom as boolean))).toEqual({
      text: HUNGARIAN,
      encoding,
    });
  });

  it('keeps characters outside the BMP in UTF-16 and replaces an unpaired surrogate', () => {
    const bytes = utf16('a\ud83d\udcb6b\ud800c', true, true);
    expect(decodeBytes(bytes).text).toBe('a\ud83d\udcb6b\ufffdc');
  });

  it('reads bytes that are not UTF-8 as windows-1252, 0x80–0x9F included', () => {
    const bytes = Uint8Array.from([
      ...ascii('M'),
      0xfc,
      ...ascii('ller '),
      0x80,
      0x20,
      0x8a,
      0x9f,
      0x96,
      0x81,
    ]);
    expect(decodeBytes(bytes)).toEqual({
      text: 'Müller € ŠŸ–\u0081',
      encoding: 'windows-1252',
    });
  });

  it.each(['iso-8859-1', 'ISO-8859-1', 'latin1', 'windows-1252', 'cp1252'])(
    'reads the label %s as windows-1252 (WHATWG), so 0x80 is €',
    (label) => {
      expect(decodeBytes(Uint8Array.from([0x80, 0x31]), label)).toEqual({
        text: '€1',
        encoding: 'windows-1252',
      });
    },
  );

  it('lets a given encoding win over detection', () => {
    // Valid UTF-8 for "Ã¼", read as windows-1252 because the caller says so.
    expect(decodeBytes(utf8('ü'), 'windows-1252').text).toBe('Ã¼');
    expect(decodeBytes(utf16('ab', false, false), 'UTF-16BE').text).toBe('ab');
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'utf-8').text).toBe('a');
  });

  it('names an encoding it does not know', () => {
    expect(() => decodeBytes(ascii('a'), 'klingon-8')).toThrow(
      new ImportFileError('The encoding "klingon-8" is not one FinWise can read'),
    );
  });

  it('strips NUL padding from UTF-8 and windows-1252 text', () => {
    const padded = Uint8Array.from([...utf8('a;b\n'), 0, 0, 0, 0, 0, 0, 0]);
    expect(decodeBytes(padded)).toEqual({ text: 'a;b\n', encoding: 'utf-8' });
    const latin = Uint8Array.from([0x80, 0x0a, 0, 0, 0]);
    expect(decodeBytes(latin)).toEqual({ text: '€\n', encoding: 'windows-1252' });
  });

  it('reads an empty file as empty text', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it.each([
    ['a ZIP archive or an Excel workbook', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]],
    ['a PDF', [...ascii('%PDF-1.7\n')]],
  ])('says the file is not text but %s', (kind, bytes) => {
    expect(() => decodeBytes(Uint8Array.from(bytes))).toThrow(
      `This file is not a text file (it looks like ${kind})`,
    );
  });

  it('refuses bytes full of control characters', () => {
    const bytes = Uint8Array.from({ length: 512 }, (_, index) => (index * 73 + 11) % 256);
    expect(() => decodeBytes(bytes)).toThrow(ImportFileError);
    expect(() => decodeBytes(bytes)).toThrow(/This file is not a text file/);
  });
});

describe('windows-1252 bytes 0x80–0x9F', () => {
  it('gives the 27 assigned characters and keeps the 5 unassigned bytes as latin1', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, index) => 0x80 + index);
    const text = decodeBytes(bytes, 'windows-1252').text;
    expect(text).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
  });

  it('reads 0xA0–0xFF as latin1', () => {
    const bytes = Uint8Array.from({ length: 96 }, (_, index) => 0xa0 + index);
    const text = decodeBytes(bytes, 'windows-1252').text;
    expect([...text].map((char) => char.charCodeAt(0))).toEqual([...bytes]);
  });
});
