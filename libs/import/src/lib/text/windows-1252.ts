/**
 * windows-1252 as WHATWG defines it, decoded by us: Node's TextDecoder (small ICU builds and
 * Node 20) turns 0x80–0x9F into C1 control characters where browsers give `€`, `‚`, `Š` …, and a
 * bank file must read the same on both. The five unassigned bytes stay latin1, as WHATWG says.
 */
// prettier-ignore
const HIGH_CONTROL_RANGE: readonly (number | undefined)[] = [
  0x20ac, undefined, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, undefined, 0x017d, undefined,
  undefined, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, undefined, 0x017e, 0x0178,
];

const CHUNK = 8192;

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const units = Array.from(bytes.subarray(start, start + CHUNK), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? (HIGH_CONTROL_RANGE[byte - 0x80] ?? byte) : byte,
    );
    parts.push(String.fromCharCode(...units));
  }
  return parts.join('');
}
