import { applyDecorators, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { CashFlowReport, NetWorthReport, SpendingReport } from '@finwise/finance';
import { ApiErrors, ApiJsonResponse } from '../../api-docs/api-docs.decorators';
import { Auth, type AccessClaims } from '../../common/auth-context';
import { ReportsService, type ReportQuery } from './reports.service';

const RANGE_ERROR = {
  400: 'from or to is not one month YYYY-MM, to is before from, or the range spans more than 120 months (details.issues)',
};

/** The month range every report takes. */
const MonthRange = () =>
  applyDecorators(
    ApiQuery({
      name: 'from',
      required: false,
      description: 'First month, YYYY-MM; default: 11 months before to',
      schema: { type: 'string', example: '2026-01' },
    }),
    ApiQuery({
      name: 'to',
      required: false,
      description:
        'Last month, YYYY-MM, less than 120 months after from; default: the current month (UTC)',
      schema: { type: 'string', example: '2026-12' },
    }),
  );

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('spending')
  @ApiOperation({
    summary: 'Spending by category per month',
    description:
      'In the budget currency, over the on-budget accounts in it: −activity of every live ' +
      'expense category (hidden and empty ones too) as the budget counts it, so spending is ' +
      'positive and refunds reduce it; uncategorized activity and split remainders on their ' +
      'own; totals per month. Each amounts array has one entry per month of months.',
  })
  @MonthRange()
  @ApiJsonResponse(200, 'SpendingReport', 'Spending per category and month')
  @ApiErrors(RANGE_ERROR)
  spending(@Auth() auth: AccessClaims, @Query() query: ReportQuery): Promise<SpendingReport> {
    return this.reports.spending(auth.tenantId, query);
  }

  @Get('cash-flow')
  @ApiOperation({
    summary: 'Cash flow per currency and month',
    description:
      'Over the on-budget accounts, one group per account currency: income, expense ' +
      '(uncategorized rows and split remainders included), transfers across the group edge ' +
      'and the net balance change, signed (outflows negative). A transfer inside the group ' +
      'adds nothing; one crossing it counts under its category when it has one.',
  })
  @MonthRange()
  @ApiJsonResponse(200, 'CashFlowReport', 'Income, expense, transfers and net per month')
  @ApiErrors(RANGE_ERROR)
  cashFlow(@Auth() auth: AccessClaims, @Query() query: ReportQuery): Promise<CashFlowReport> {
    return this.reports.cashFlow(auth.tenantId, query);
  }

  @Get('net-worth')
  @ApiOperation({
    summary: 'Net worth per currency at each month end',
    description:
      'Over every account (on- and off-budget, closed ones included), one group per currency: ' +
      'the positive balances as assets, the negative ones as debts, and their sum. Balances ' +
      'carry everything dated before from.',
  })
  @MonthRange()
  @ApiJsonResponse(200, 'NetWorthReport', 'Assets, debts and net worth per month end')
  @ApiErrors(RANGE_ERROR)
  netWorth(@Auth() auth: AccessClaims, @Query() query: ReportQuery): Promise<NetWorthReport> {
    return this.reports.netWorth(auth.tenantId, query);
  }
}
