import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { reconcileRequestSchema, type ReconcileRequest } from '@finwise/domain';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../../api-docs/api-docs.decorators';
import { Auth, type AccessClaims } from '../../common/auth-context';
import { ZodBodyPipe } from '../../common/zod-body.pipe';
import { ReconcileService, type ReconcileAnswer } from './reconcile.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class ReconcileController {
  constructor(private readonly reconciles: ReconcileService) {}

  @Post(':id/reconcile')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reconcile an account against a bank statement',
    description:
      'Counts the cleared and reconciled rows dated on or before the statement date. When ' +
      'they add up to the statement balance (or createAdjustment books the difference), marks ' +
      'them reconciled and records the reconciliation, in one transaction that every device ' +
      'receives like any other change.',
  })
  @ApiParam({ name: 'id', description: 'The account', schema: { type: 'string', format: 'uuid' } })
  @ApiJsonBody('ReconcileRequest')
  @ApiJsonResponse(
    200,
    'ReconcileResponse',
    'The reconciliation, with the adjustment if one was booked',
  )
  @ApiErrors({
    400: 'A malformed body (details lists each field)',
    404: 'No such live account (or adjustment category) in this household',
    409: 'The cleared total differs from the statement and createAdjustment was not set: details.difference = statement − cleared',
  })
  reconcile(
    @Auth() auth: AccessClaims,
    @Param('id') id: string,
    @Body(new ZodBodyPipe(reconcileRequestSchema)) body: ReconcileRequest,
  ): Promise<ReconcileAnswer> {
    return this.reconciles.reconcile(auth.tenantId, id, body, { userId: auth.userId });
  }
}
