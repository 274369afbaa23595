import * as z from 'zod';
import { DATE_FORMATS, IMPORT_FORMATS } from '@finwise/import';

/** Response bodies of the bank-file import endpoints (FINANCE §5). */

const count = (description: string) => z.int().min(0).describe(description);

export const importPreviewRowSchema = z.strictObject({
  line: z.int().min(1).describe('The 1-based line of the file the row starts on'),
  status: z
    .enum(['new', 'match', 'duplicate', 'locked', 'error'])
    .describe(
      'new: would be added; match: would update an existing row (matchedId); duplicate: already ' +
        'imported (or deleted after import); locked: lands on a reconciled row, skipped; error: unreadable',
    ),
  date: z.string().optional().describe('YYYY-MM-DD as interpreted'),
  rawDate: z.string().optional().describe('The date as the file wrote it'),
  amountMinor: z.int().optional().describe('Signed, minor units of the account currency'),
  payee: z.string().optional(),
  notes: z.string().optional(),
  importedId: z.string().optional().describe("The bank's id, or the synthetic syn:… id"),
  matchedId: z
    .guid()
    .optional()
    .describe('The existing row a match, duplicate or locked row lands on'),
  deleted: z
    .literal(true)
    .optional()
    .describe('On a duplicate: its row was deleted; options.reimportDeleted imports it again'),
  error: z.string().optional().describe('Why the line cannot be imported'),
  warning: z
    .string()
    .optional()
    .describe('The line was read, but something was dropped to read it (an OFX amount with $)'),
});

const summarySchema = z.strictObject({
  new: count('Rows that would be added'),
  match: count('Rows that would update an existing row'),
  duplicate: count('Rows already imported'),
  locked: count('Rows landing on reconciled rows'),
  error: count('Unreadable rows'),
});

export const importPreviewSchema = z
  .strictObject({
    format: z.enum(IMPORT_FORMATS),
    encoding: z.string().describe('How the bytes were read (utf-8, utf-16le, windows-1252 …)'),
    columns: z.array(z.string()).optional().describe('CSV: the column names'),
    needsMapping: z
      .boolean()
      .optional()
      .describe('CSV whose header names no date or amount column: map them in options.columns'),
    ambiguities: z
      .strictObject({
        dateFormats: z.array(z.enum(DATE_FORMATS)).optional(),
        decimal: z.array(z.enum(['.', ','])).optional(),
      })
      .optional()
      .describe('Choices the file leaves open: pick one with options.dateFormat / options.decimal'),
    rows: z.array(importPreviewRowSchema),
    summary: summarySchema,
  })
  .describe('What an import of this file would do; nothing is written');

export const importResultSchema = z
  .strictObject({
    created: count('Rows added'),
    updated: count('Existing rows matched and updated'),
    duplicate: count('Rows skipped as already imported'),
    locked: count('Rows skipped because they land on reconciled rows'),
    error: count('Unreadable rows left out with options.excludeLines'),
    ids: z.array(z.guid()).describe('The ids of the rows added or updated'),
  })
  .describe('What the import wrote, in one batch every device receives');
