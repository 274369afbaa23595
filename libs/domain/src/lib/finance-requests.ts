import * as z from 'zod';
import { booleanField, dateField, moneyField, uuidField } from './field-types';

/** `POST /api/accounts/:id/reconcile` (FINANCE §2): a bank statement to reconcile against. */
export const reconcileRequestSchema = z
  .strictObject({
    statementDate: dateField().describe('Rows dated on or before this day are on the statement'),
    statementBalanceMinor: moneyField().describe('The balance the statement shows, minor units'),
    createAdjustment: booleanField()
      .optional()
      .describe('Book a difference as an adjustment transaction instead of answering 409'),
    adjustmentCategoryId: uuidField()
      .nullish()
      .describe('The category of the adjustment; none when left out'),
  })
  .describe('A bank statement to reconcile an account against');

export type ReconcileRequest = z.output<typeof reconcileRequestSchema>;
