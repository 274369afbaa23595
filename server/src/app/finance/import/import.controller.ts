import {
  Body,
  Controller,
  HttpCode,
  Param,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, ApiJsonResponse } from '../../api-docs/api-docs.decorators';
import { Auth, type AccessClaims } from '../../common/auth-context';
import { IMPORT_FILE_LIMIT_BYTES, importRequestOf, type UploadedBankFile } from './import-request';
import { ImportService, type ImportAnswer, type ImportPreviewAnswer } from './import.service';

const upload = FileInterceptor('file', {
  // One file and one small field: anything more is refused by the parser, not buffered.
  limits: { fileSize: IMPORT_FILE_LIMIT_BYTES, files: 1, fields: 1, fieldSize: 1024 * 1024 },
});

const multipartBody = ApiBody({
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'CSV, TSV, OFX, QFX or QIF, ≤ 10 MB' },
      options: {
        type: 'string',
        description:
          'ImportOptions as a JSON string (every field optional; CSV headers in English and ' +
          'German are mapped without it)',
      },
    },
  },
});

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post(':id/import/preview')
  @HttpCode(200)
  @UseInterceptors(upload)
  @ApiOperation({
    summary: 'Preview importing a bank file into an account',
    description:
      'Reads the file and compares it with the account: each row is new, a match for an ' +
      'existing row, a duplicate of an imported one, locked (reconciled) or an error. ' +
      'Nothing is written.',
  })
  @ApiParam({ name: 'id', description: 'The account', schema: { type: 'string', format: 'uuid' } })
  @ApiConsumes('multipart/form-data')
  @multipartBody
  @ApiJsonResponse(200, 'ImportPreview', 'What an import would do, row by row')
  @ApiErrors({
    400: 'No file, bad options, or a file that cannot be read (the message names the line)',
    404: 'No such live account in this household',
  })
  preview(
    @Auth() auth: AccessClaims,
    @Param('id') id: string,
    @UploadedFile() file: UploadedBankFile | undefined,
    @Body('options') options: unknown,
  ): Promise<ImportPreviewAnswer> {
    return this.imports.preview(auth.tenantId, id, importRequestOf(file, options));
  }

  @Post(':id/import')
  @HttpCode(200)
  @UseInterceptors(upload)
  @ApiOperation({
    summary: 'Import a bank file into an account',
    description:
      'Writes the new and matched rows of the preview in one batch through the normal merge ' +
      '(change feed and broadcast). All or nothing: an error row not listed in ' +
      'options.excludeLines refuses the whole file. Importing the same file again adds nothing.',
  })
  @ApiParam({ name: 'id', description: 'The account', schema: { type: 'string', format: 'uuid' } })
  @ApiConsumes('multipart/form-data')
  @multipartBody
  @ApiJsonResponse(200, 'ImportResult', 'What was written')
  @ApiErrors({
    400: 'No file, bad options, an unreadable file, or error rows not excluded (details.lines)',
    404: 'No such live account in this household',
  })
  import(
    @Auth() auth: AccessClaims,
    @Param('id') id: string,
    @UploadedFile() file: UploadedBankFile | undefined,
    @Body('options') options: unknown,
  ): Promise<ImportAnswer> {
    return this.imports.import(auth.tenantId, id, importRequestOf(file, options), {
      userId: auth.userId,
    });
  }
}
