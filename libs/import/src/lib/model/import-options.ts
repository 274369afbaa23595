import * as z from 'zod';

/** The file formats the importer reads (FINANCE §5). */
export const IMPORT_FORMATS = ['csv', 'tsv', 'ofx', 'qfx', 'qif'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * Date layouts a CSV or QIF column may use. A column's layout is inferred from all of its values;
 * when more than one layout fits every value the preview lists them in `ambiguities.dateFormats`
 * and the user picks one (`options.dateFormat`), never a guess.
 */
export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'YYYYMMDD',
  'YYYY.MM.DD',
  'YYYY/MM/DD',
  'DD.MM.YYYY',
  'DD.MM.YY',
  'DD/MM/YYYY',
  'DD/MM/YY',
  'DD-MM-YYYY',
  'MM/DD/YYYY',
  'MM/DD/YY',
  'MM-DD-YYYY',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** `auto` infers the decimal mark per column and reports a column it cannot decide. */
export type DecimalMark = '.' | ',' | 'auto';

/** A CSV column: its header text, or its 0-based position (files without a header row). */
const columnRef = z.union([z.string().min(1).max(200), z.number().int().min(0).max(1000)]);
export type ColumnRef = z.infer<typeof columnRef>;

export const columnMappingSchema = z
  .object({
    date: columnRef,
    amount: columnRef.optional(),
    inflow: columnRef.optional(),
    outflow: columnRef.optional(),
    payee: columnRef.optional(),
    notes: columnRef.optional(),
    id: columnRef.optional(),
  })
  .strict()
  .refine((c) => (c.amount !== undefined) !== (c.inflow !== undefined || c.outflow !== undefined), {
    message: 'map either an amount column or inflow and outflow columns',
  });
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

const TRUE_OR_FALSE = { error: 'must be true or false' };
const LINE_NUMBER = { error: 'must be a line number of the file (a whole number from 1)' };
/** File lines as the preview numbers them. */
const fileLines = z
  .array(z.number(LINE_NUMBER).int(LINE_NUMBER).min(1, LINE_NUMBER), {
    error: 'must be a list of line numbers of the file',
  })
  .max(100_000);

/**
 * The `options` of the preview and import endpoints (a JSON string in the multipart body), also
 * what the app passes to the same library in the browser. Every field is optional: without
 * options the format comes from the file name and content, the encoding from the bytes, and CSV
 * columns from English or German headers.
 */
export const importOptionsSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS).optional(),
    encoding: z.string().min(1).max(40).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    hasHeader: z.boolean().optional(),
    skipStartLines: z.number().int().min(0).max(1000).optional(),
    skipEndLines: z.number().int().min(0).max(1000).optional(),
    columns: columnMappingSchema.optional(),
    dateFormat: z.enum(DATE_FORMATS).optional(),
    decimal: z.enum(['.', ',', 'auto']).optional(),
    flipSign: z.boolean().optional(),
    payeeFromMemo: z.boolean().optional(),
    /** Import only: file lines (as the preview numbers them) to leave out. */
    excludeLines: z.array(z.number().int().min(1)).max(100_000).optional(),
    /** `false`: no line fuzzily matches a row typed by hand; unmatched lines are added (D7). */
    fuzzyMatch: z.boolean(TRUE_OR_FALSE).optional(),
    /** File lines the preview showed as `match` to add as rows of their own instead (D7). */
    forceNewLines: fileLines.optional(),
    /** `true`: lines whose imported row was deleted are imported again, as new rows (D5). */
    reimportDeleted: z.boolean(TRUE_OR_FALSE).optional(),
  })
  .strict();
export type ImportOptions = z.infer<typeof importOptionsSchema>;
