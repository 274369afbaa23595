import {
  joinRequestSchema,
  loginRequestSchema,
  signupRequestSchema,
  toIssues,
} from '@finwise/domain';
import type * as z from 'zod';
import { fieldErrors, type FieldErrors } from '../shared/validation/validation-messages';

const LABELS: Readonly<Record<string, string>> = {
  email: 'Email',
  password: 'Password',
  tenantName: 'Household name',
  inviteCode: 'Invite code',
  code: 'Invite code',
  tenantId: 'Household',
};

/**
 * The sign-in, sign-up and join forms check what they send with the very schemas the server
 * validates these requests with, so a message here means the server would refuse it too.
 */
export function signUpErrors(body: object): FieldErrors {
  return errorsOf(signupRequestSchema, body);
}

export function logInErrors(body: object): FieldErrors {
  return errorsOf(loginRequestSchema, body);
}

export function joinErrors(body: object): FieldErrors {
  return errorsOf(joinRequestSchema, body);
}

function errorsOf(schema: z.ZodType, body: object): FieldErrors {
  const result = schema.safeParse(body);
  return result.success ? {} : fieldErrors(toIssues(result.error), LABELS);
}
