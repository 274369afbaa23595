import * as z from 'zod';

/** What a field holds, beyond its JSON type: drives sample data, forms and generated code. */
export type FieldKind =
  | 'uuid'
  | 'name'
  | 'shortText'
  | 'text'
  | 'money'
  | 'int'
  | 'boolean'
  | 'date'
  | 'month'
  | 'currency'
  | 'enum';

/** JSON-Schema extension key carrying the field kind (ends up in OpenAPI as `x-finwise-kind`). */
export const FIELD_KIND_KEY = 'x-finwise-kind';

function kind<T extends z.ZodType>(schema: T, fieldKind: FieldKind): T {
  return schema.meta({ [FIELD_KIND_KEY]: fieldKind });
}

/** Largest money amount in minor units (DESIGN: |amountMinor| ≤ 10^15, far inside 2^53). */
export const MAX_MONEY_MINOR = 1e15;
/** Longest `text` field (notes, an account's import options). */
export const MAX_TEXT_LENGTH = 500;
const MAX_NAME_LENGTH = 200;
const MIN_DATE = '1900-01-01';
const MAX_DATE = '2199-12-31';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** PostgreSQL cannot store U+0000 and lone surrogates are not text: both are refused up front. */
function wellFormed(schema: z.ZodString) {
  return schema
    .refine((s) => !s.includes('\u0000'), { error: 'must not contain U+0000' })
    .refine((s) => !LONE_SURROGATE.test(s), { error: 'must be well-formed Unicode' });
}

const UUID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Ids are UUIDs, case-insensitive on input and lowercase everywhere after (PostgreSQL prints them so). */
export const uuidField = () =>
  kind(
    z
      .string()
      .regex(UUID_PATTERN, { error: 'must be a UUID' })
      .overwrite((s) => s.toLowerCase()),
    'uuid',
  );

export const nameField = () =>
  kind(wellFormed(z.string().min(1, { error: 'must not be empty' }).max(MAX_NAME_LENGTH)), 'name');

/** Free text up to 200 characters, may be empty (payees). */
export const shortTextField = () => kind(wellFormed(z.string().max(MAX_NAME_LENGTH)), 'shortText');

export const textField = () => kind(wellFormed(z.string().max(MAX_TEXT_LENGTH)), 'text');

/** Money in integer minor units; negative zero is stored as zero. */
export const moneyField = () =>
  kind(
    z
      .int({ error: 'must be an integer amount in minor units' })
      .min(-MAX_MONEY_MINOR)
      .max(MAX_MONEY_MINOR)
      .overwrite((n) => (Object.is(n, -0) ? 0 : n)),
    'money',
  );

/** 32-bit integer (sort orders, counts): what an SQL `integer` column holds. */
export const intField = () =>
  kind(
    z
      .int({ error: 'must be an integer' })
      .min(-2_147_483_648)
      .max(2_147_483_647)
      .overwrite((n) => (Object.is(n, -0) ? 0 : n)),
    'int',
  );

export const booleanField = () => kind(z.boolean(), 'boolean');

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** A calendar date `YYYY-MM-DD` between 1900-01-01 and 2199-12-31. */
export const dateField = () =>
  kind(
    z
      .string()
      .regex(DATE_PATTERN, { error: 'must be a date YYYY-MM-DD' })
      .refine(isRealDate, { error: 'must be a real calendar date' })
      .refine((d) => d >= MIN_DATE && d <= MAX_DATE, {
        error: `must be between ${MIN_DATE} and ${MAX_DATE}`,
      }),
    'date',
  );

/** A budget month `YYYY-MM`. */
export const monthField = () =>
  kind(
    z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month YYYY-MM' })
      .refine((m) => m >= MIN_DATE.slice(0, 7) && m <= MAX_DATE.slice(0, 7), {
        error: `must be between ${MIN_DATE.slice(0, 7)} and ${MAX_DATE.slice(0, 7)}`,
      }),
    'month',
  );

const knownCurrencies: ReadonlySet<string> | null = (() => {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  return typeof intl.supportedValuesOf === 'function'
    ? new Set(intl.supportedValuesOf('currency'))
    : null;
})();

/** ISO-4217 currency code such as EUR or USD. */
export const currencyField = () =>
  kind(
    z
      .string()
      .regex(/^[A-Z]{3}$/, { error: 'must be an ISO-4217 code such as EUR' })
      .refine((c) => knownCurrencies === null || knownCurrencies.has(c), {
        error: 'is not a known ISO-4217 currency',
      }),
    'currency',
  );

export const enumField = <const T extends readonly [string, ...string[]]>(values: T) =>
  kind(z.enum(values), 'enum');
