const CHUNK = 8192;
const REPLACEMENT = 0xfffd;

/**
 * UTF-16 by hand so `utf-16be` does not depend on the runtime's ICU data. Unpaired surrogates and
 * a trailing odd byte become U+FFFD, as WHATWG's decoder does.
 */
export function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const count = Math.floor(bytes.length / 2);
  const units = new Uint16Array(count + (bytes.length % 2));
  for (let index = 0; index < count; index += 1) {
    const low = bytes[2 * index + (littleEndian ? 0 : 1)];
    const high = bytes[2 * index + (littleEndian ? 1 : 0)];
    units[index] = (high << 8) | low;
  }
  if (bytes.length % 2 === 1) units[count] = REPLACEMENT;
  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index];
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = units[index + 1];
      if (next !== undefined && next >= 0xdc00 && next <= 0xdfff) index += 1;
      else units[index] = REPLACEMENT;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      units[index] = REPLACEMENT;
    }
  }
  const parts: string[] = [];
  for (let start = 0; start < units.length; start += CHUNK) {
    parts.push(String.fromCharCode(...units.subarray(start, start + CHUNK)));
  }
  return parts.join('');
}
