import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { MonthBudget } from '@finwise/finance';
import { ApiErrors, ApiJsonResponse } from '../../api-docs/api-docs.decorators';
import { Auth, type AccessClaims } from '../../common/auth-context';
import { BudgetService } from './budget.service';

@ApiTags('budget')
@ApiBearerAuth()
@Controller('budget')
export class BudgetController {
  constructor(private readonly budget: BudgetService) {}

  @Get(':month')
  @ApiOperation({
    summary: 'The envelope budget of one month',
    description:
      'Computed from every row of the household up to that month; any month can be asked ' +
      'for, and a household without data gets all zeros.',
  })
  @ApiParam({
    name: 'month',
    description: 'YYYY-MM',
    schema: { type: 'string', example: '2026-12' },
  })
  @ApiJsonResponse(200, 'MonthBudget', 'The month, its summary and every category')
  @ApiErrors({ 400: 'The month is not YYYY-MM' })
  month(@Auth() auth: AccessClaims, @Param('month') month: string): Promise<MonthBudget> {
    return this.budget.month(auth.tenantId, month);
  }
}
