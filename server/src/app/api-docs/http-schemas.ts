import * as z from 'zod';

/**
 * Response bodies of the HTTP-only endpoints (auth, households, health, errors). Request
 * bodies are the zod schemas the controllers validate with (auth.schemas.ts); these are the
 * shapes the services return, checked against their TypeScript types in http-schemas.spec.ts.
 */

export const httpErrorSchema = z
  .strictObject({
    statusCode: z.int().min(400).max(599),
    error: z.string().describe('HTTP reason phrase, e.g. "Not Found"'),
    message: z
      .string()
      .describe('What went wrong, for people; every problem of a 400 joined by "; "'),
    details: z
      .unknown()
      .optional()
      .describe(
        '400 validation: [{path, message}] per field (POST /api/auth/password: {code: validation, issues: [{path, message}]}). /api/sync twins: {code} with the protocol error code.',
      ),
  })
  .describe('Every HTTP error has this body');

const membershipRole = z.enum(['owner', 'member']);

export const sessionSchema = z.strictObject({
  accessToken: z.string().describe('JWT for `Authorization: Bearer` and the socket handshake'),
  refreshToken: z.string().describe('Single use: POST /api/auth/refresh returns a new pair'),
  accessTokenExpiresAt: z.iso.datetime(),
  user: z.strictObject({ id: z.guid(), email: z.string() }),
  tenant: z
    .strictObject({ id: z.guid(), name: z.string(), role: membershipRole })
    .describe('The household this session is for'),
});

export const inviteSchema = z.strictObject({
  code: z.string().describe('Single-use invite code such as ABCD-EFGH-JKLM'),
  expiresAt: z.iso.datetime(),
});

export const invitedHouseholdSchema = z
  .strictObject({ tenantName: z.string().describe('Name of the household the code joins') })
  .describe('What an invite code leads to');

export const meSchema = z.strictObject({
  userId: z.guid(),
  tenantId: z.guid().describe('The household of this token'),
  tenants: z
    .array(z.strictObject({ id: z.guid(), name: z.string(), role: membershipRole }))
    .describe('Every household of the user'),
});

export const memberSchema = z.strictObject({
  userId: z.guid(),
  email: z.string(),
  role: membershipRole,
  joinedAt: z.iso.datetime().describe('When the user became a member'),
});

export const membersSchema = z.strictObject({
  items: z
    .array(memberSchema)
    .describe('Every member of the household, owners first, then by joinedAt'),
});

export const healthSchema = z.strictObject({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
});
