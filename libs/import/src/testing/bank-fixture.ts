import { currencyExponent } from '@finwise/domain';
import type { ReaderContext } from '../lib/model/reader';
import { readFixture } from './read-fixture';

/** A fixture decoded as UTF-8 (the OFX/QFX/QIF fixtures read as text are ASCII or UTF-8). */
export function bankFixtureText(name: string): string {
  return new TextDecoder('utf-8').decode(readFixture(name));
}

/** A reader context for `currency` with the given options. */
export function readerContext(
  currency = 'EUR',
  options: ReaderContext['options'] = {},
): ReaderContext {
  return { currency, exponent: currencyExponent(currency), options };
}
