import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bytes of a file in `fixtures/`, as a picked file would give them. */
export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)));
}
