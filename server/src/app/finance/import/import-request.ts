import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { importOptionsSchema, type ImportOptions } from '@finwise/import';
import { ErrorCodes } from '@finwise/sync-protocol';

/** The largest bank file accepted (FINANCE §5); larger ones are refused before they are read. */
export const IMPORT_FILE_LIMIT_BYTES = 10 * 1024 * 1024;

/** The part of a multer upload the import reads (multer's own type is not a dependency). */
export interface UploadedBankFile {
  readonly originalname: string;
  readonly size: number;
  readonly buffer: Buffer;
}

/** The multipart body of the preview and import endpoints, checked. */
export interface ImportRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly options: ImportOptions;
}

export function importRequestOf(
  file: UploadedBankFile | undefined,
  rawOptions: unknown,
): ImportRequest {
  if (!file) throw validation('file is required: send the bank file as the multipart field "file"');
  if (file.size > IMPORT_FILE_LIMIT_BYTES) {
    throw new PayloadTooLargeException('the file is larger than 10 MB');
  }
  return {
    bytes: new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength),
    fileName: file.originalname.slice(0, 300),
    options: optionsOf(rawOptions),
  };
}

function optionsOf(raw: unknown): ImportOptions {
  if (raw === undefined || raw === '') return {};
  if (typeof raw !== 'string') throw validation('options must be a JSON string');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw validation('options is not valid JSON');
  }
  const parsed = importOptionsSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: ['options', ...issue.path.map(String)].join('.'),
    message:
      issue.code === 'unrecognized_keys'
        ? `has fields that are not options: ${issue.keys.join(', ')}`
        : issue.message,
  }));
  throw new BadRequestException({
    message: issues.map((i) => `${i.path} ${i.message}`).join('; '),
    details: { code: ErrorCodes.validation, issues },
  });
}

export function validation(message: string, extra: Record<string, unknown> = {}) {
  return new BadRequestException({
    message,
    details: { code: ErrorCodes.validation, ...extra },
  });
}
