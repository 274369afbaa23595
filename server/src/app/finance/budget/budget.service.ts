import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { computeMonthBudget, isMonth, type MonthBudget } from '@finwise/finance';
import { DatabaseService } from '../../database/database.service';
import { sqlOf } from '../../database/sql-runner';
import { readBudgetAggregates } from './budget-aggregates.query';

/**
 * The envelope budget of one month (FINANCE §3): PostgreSQL sums the household's rows per month,
 * and the same `computeMonthBudget` the app runs on its local rows turns the sums into the budget.
 */
@Injectable()
export class BudgetService {
  constructor(private readonly database: DatabaseService) {}

  async month(tenantId: string, month: string): Promise<MonthBudget> {
    if (!isMonth(month)) {
      throw new BadRequestException(
        `month must be YYYY-MM with a month 01 to 12 (got ${month.slice(0, 20)})`,
      );
    }
    // One snapshot: the sums and the categories they name come from the same committed state.
    const aggregates = await this.database.inTenantTransaction(
      tenantId,
      async (manager) => {
        const sql = sqlOf(manager);
        const [households, aggregates] = await Promise.all([
          sql.rows('SELECT 1 FROM tenants WHERE id = $1', [tenantId]),
          readBudgetAggregates(sql, tenantId),
        ]);
        if (households.length === 0) {
          throw new ForbiddenException({
            message: 'unknown household',
            details: { code: 'forbidden' },
          });
        }
        return aggregates;
      },
      { isolation: 'REPEATABLE READ' },
    );
    return computeMonthBudget(aggregates, month);
  }
}
