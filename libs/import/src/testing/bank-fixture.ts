import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currencyExponent } from '@finwise/domain';
import type { ReaderContext } from '../lib/model/reader';

/** The bytes of a fixture in `testing/fixtures/`. */
export function bankFixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)));
}

/** A fixture decoded as UTF-8 (every OFX/QFX/QIF fixture is ASCII or UTF-8). */
export function bankFixtureText(name: string): string {
  return new TextDecoder('utf-8').decode(bankFixtureBytes(name));
}

/** A reader context for `currency` with the given options. */
export function readerContext(
  currency = 'EUR',
  options: ReaderContext['options'] = {},
): ReaderContext {
  return { currency, exponent: currencyExponent(currency), options };
}
