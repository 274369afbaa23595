import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import {
  cashFlowReport,
  lastDayOf,
  netWorthReport,
  reportRange,
  ReportRangeError,
  spendingReport,
  type CashFlowReport,
  type NetWorthReport,
  type ReportAggregates,
  type ReportRange,
  type SpendingReport,
} from '@finwise/finance';
import { ErrorCodes } from '@finwise/sync-protocol';
import { DatabaseService } from '../../database/database.service';
import { sqlOf } from '../../database/sql-runner';
import { readReportAggregates, type ReportRead } from './report-aggregates.query';

/** The `from`/`to` query parameters as Express parsed them (a repeated one is an array). */
export interface ReportQuery {
  readonly from?: unknown;
  readonly to?: unknown;
}

/**
 * The reports of FINANCE §4: PostgreSQL sums the household's rows per month, account and
 * category, and the same library functions the app runs on its local rows turn the sums into
 * the report. Spending and cash flow read only the rows of the range; net worth reads everything
 * up to its end, since each balance carries all that came before, but no categories.
 */
@Injectable()
export class ReportsService {
  constructor(private readonly database: DatabaseService) {}

  async spending(tenantId: string, query: ReportQuery): Promise<SpendingReport> {
    const range = rangeOf(query);
    const aggregates = await this.read(tenantId, { ...datesOf(range), byCategory: true });
    return spendingReport(aggregates, range.from, range.to);
  }

  async cashFlow(tenantId: string, query: ReportQuery): Promise<CashFlowReport> {
    const range = rangeOf(query);
    const aggregates = await this.read(tenantId, { ...datesOf(range), byCategory: true });
    return cashFlowReport(aggregates, range.from, range.to);
  }

  async netWorth(tenantId: string, query: ReportQuery): Promise<NetWorthReport> {
    const range = rangeOf(query);
    const aggregates = await this.read(tenantId, {
      from: null,
      to: lastDayOf(range.to),
      byCategory: false,
    });
    return netWorthReport(aggregates, range.from, range.to);
  }

  private read(tenantId: string, what: ReportRead): Promise<ReportAggregates> {
    // One snapshot: the sums, the accounts and the categories they name agree.
    return this.database.inTenantTransaction(
      tenantId,
      async (manager) => {
        const sql = sqlOf(manager);
        const [households, aggregates] = await Promise.all([
          sql.rows('SELECT 1 FROM tenants WHERE id = $1', [tenantId]),
          readReportAggregates(sql, tenantId, what),
        ]);
        if (households.length === 0) {
          throw new ForbiddenException({
            message: 'unknown household',
            details: { code: ErrorCodes.forbidden },
          });
        }
        return aggregates;
      },
      { isolation: 'REPEATABLE READ' },
    );
  }
}

/** The requested months; "the current month" is the server's, in UTC. */
function rangeOf(query: ReportQuery): ReportRange {
  try {
    return reportRange(query, new Date().toISOString().slice(0, 7));
  } catch (error) {
    if (!(error instanceof ReportRangeError)) throw error;
    throw new BadRequestException({
      message: error.message,
      details: { code: ErrorCodes.validation, issues: error.issues },
    });
  }
}

function datesOf(range: ReportRange): { from: string; to: string } {
  return { from: `${range.from}-01`, to: lastDayOf(range.to) };
}
