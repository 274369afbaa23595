import * as z from 'zod';

/**
 * Bodies of the sign-up, sign-in, join and refresh requests: the server validates them with
 * these schemas and the app's forms word their messages from the same rules.
 */

export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 1024;
const MAX_EMAIL_LENGTH = 254;
const MAX_INVITE_CODE_LENGTH = 64;
const MAX_TENANT_NAME_LENGTH = 200;

const email = z
  .string()
  .trim()
  .max(MAX_EMAIL_LENGTH, { error: `must be at most ${MAX_EMAIL_LENGTH} characters` })
  .pipe(z.email({ error: 'must be a valid email address' }))
  .transform((e) => e.toLowerCase());

const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(MAX_PASSWORD_LENGTH, { error: `must be at most ${MAX_PASSWORD_LENGTH} characters` });

const inviteCode = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_INVITE_CODE_LENGTH, { error: `must be at most ${MAX_INVITE_CODE_LENGTH} characters` });

/**
 * Without an invite code a new household is created (named `tenantName` when given); with one
 * the new user joins that household. The code may be sent as `inviteCode` or `code` (the name
 * `/api/tenants/join` uses); the output always carries it as `inviteCode`.
 */
export const signupRequestSchema = z
  .strictObject({
    email,
    password: newPassword,
    tenantName: z
      .string()
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(MAX_TENANT_NAME_LENGTH, {
        error: `must be at most ${MAX_TENANT_NAME_LENGTH} characters`,
      })
      .optional(),
    inviteCode: inviteCode.optional(),
    code: inviteCode.optional().describe('The same as inviteCode; send one of them'),
  })
  .refine((body) => !body.inviteCode || !body.code || body.inviteCode === body.code, {
    error: 'must be the same as inviteCode when both are sent',
    path: ['code'],
  })
  .transform(
    ({
      code,
      inviteCode: invite,
      ...rest
    }): { email: string; password: string; tenantName?: string; inviteCode?: string } => {
      const joinCode = invite ?? code;
      return joinCode === undefined ? rest : { ...rest, inviteCode: joinCode };
    },
  );

/** Signing in; `tenantId` picks one of the user's households (default: the first joined). */
export const loginRequestSchema = z.strictObject({
  email,
  password: z
    .string()
    .min(1, { error: 'must not be empty' })
    .max(MAX_PASSWORD_LENGTH, { error: `must be at most ${MAX_PASSWORD_LENGTH} characters` }),
  tenantId: z.uuid({ error: 'must be a UUID' }).optional(),
});

export const refreshRequestSchema = z.strictObject({
  refreshToken: z.string().min(1, { error: 'must not be empty' }).max(200),
});

export const joinRequestSchema = z.strictObject({ code: inviteCode });

/** An invite code as it appears in a URL (GET /api/invites/:code): the same rule as in a body. */
export const inviteCodeSchema = inviteCode;

/**
 * Changing the signed-in user's password: the current one proves it is still them at this
 * device; the new one follows the sign-up rule.
 */
export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z
    .string()
    .min(1, { error: 'must not be empty' })
    .max(MAX_PASSWORD_LENGTH, { error: `must be at most ${MAX_PASSWORD_LENGTH} characters` }),
  newPassword,
});

export type SignupRequestInput = z.input<typeof signupRequestSchema>;
export type SignupRequest = z.output<typeof signupRequestSchema>;
export type LoginRequestInput = z.input<typeof loginRequestSchema>;
export type LoginRequest = z.output<typeof loginRequestSchema>;
export type ChangePasswordRequest = z.output<typeof changePasswordRequestSchema>;
