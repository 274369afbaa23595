import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../api-docs/api-docs.decorators';
import { Auth, type AccessClaims } from '../common/auth-context';
import type { HouseholdBackup } from './backup-document';
import { HouseholdBackupService } from './household-backup.service';
import { HouseholdRestoreService, type RestoreAnswer } from './household-restore.service';
import { TransactionsExportService } from './transactions-export.service';

@ApiTags('export')
@ApiBearerAuth()
@Controller()
export class ExportController {
  constructor(
    private readonly transactions: TransactionsExportService,
    private readonly backups: HouseholdBackupService,
    private readonly restores: HouseholdRestoreService,
  ) {}

  @Get('export/transactions.csv')
  @ApiOperation({
    summary: 'Transactions as CSV',
    description:
      'RFC 4180, UTF-8, CRLF, header `id,date,account,account_currency,payee,transfer_account,' +
      'category_group,category,notes,amount,amount_minor,currency,status,parent_id,imported_id`. ' +
      'A transfer appears once per account it touches, split lines follow their parent with ' +
      'parent_id set, so the lines of an account with an empty parent_id sum to its balance. ' +
      'Ordered by account name, date and id. The file imports back without options.',
  })
  @ApiQuery({
    name: 'accountId',
    required: false,
    description:
      'Only this account (its lines, its split lines and transfers into it); absent = every account',
    schema: { type: 'string', format: 'uuid' },
  })
  @ApiQuery({
    name: 'from',
    required: false,
    description: 'YYYY-MM-DD, inclusive',
    schema: { type: 'string', format: 'date' },
  })
  @ApiQuery({
    name: 'to',
    required: false,
    description: 'YYYY-MM-DD, inclusive',
    schema: { type: 'string', format: 'date' },
  })
  @ApiResponse({
    status: 200,
    description: 'The CSV file, as an attachment',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiErrors({
    400: 'accountId is not a UUID, from or to is not a date, or from is after to (details.issues)',
    404: 'No such live account in this household',
  })
  async transactionsCsv(
    @Auth() auth: AccessClaims,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const { csv, fileName } = await this.transactions.export(auth.tenantId, {
      accountId: query['accountId'] as string | undefined,
      from: query['from'] as string | undefined,
      to: query['to'] as string | undefined,
    });
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    response.setHeader('Cache-Control', 'no-store');
    return csv;
  }

  @Get('export/household.json')
  @ApiOperation({
    summary: 'Back up the household',
    description:
      'Every live row of every synced entity, as its id and fields (no clocks or timestamps), ' +
      'with a format version. POST it to /api/import/household to restore the household.',
  })
  @ApiJsonResponse(200, 'HouseholdBackup', 'The backup document')
  async household(
    @Auth() auth: AccessClaims,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdBackup> {
    const backup = await this.backups.backup(auth.tenantId);
    const day = backup.exportedAt.slice(0, 10);
    response.setHeader('Content-Disposition', `attachment; filename="finwise-backup-${day}.json"`);
    response.setHeader('Cache-Control', 'no-store');
    return backup;
  }

  @Post('import/household')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Restore a household backup',
    description:
      'Only into a household without live accounts, transactions, budgets, budget moves or ' +
      'reconciliations: the categories and settings made at sign-up are replaced by the ' +
      "backup's. Every row is checked first; the rows are then written in one transaction " +
      'through the normal merge, so every device of the household receives them. Bodies up to 50 MB.',
  })
  @ApiJsonBody('HouseholdBackup')
  @ApiJsonResponse(200, 'RestoreResponse', 'The rows written, by entity')
  @ApiErrors({
    400: 'Not a FinWise backup, an unknown version, or a row its entity refuses: nothing was written (details names the entity and row id)',
    409: 'The household already holds accounts, transactions, budgets, moves or reconciliations (details.holding): nothing was written',
  })
  restore(@Auth() auth: AccessClaims, @Body() body: unknown): Promise<RestoreAnswer> {
    return this.restores.restore(auth.tenantId, body, { userId: auth.userId });
  }
}
