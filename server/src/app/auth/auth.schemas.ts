import { z } from 'zod';

const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'must be a valid email address' }))
  .transform((e) => e.toLowerCase());
const password = z.string().min(8, { error: 'must be at least 8 characters' }).max(1024);
const inviteCode = z.string().trim().min(1).max(64);

export const signupSchema = z.strictObject({
  email,
  password,
  tenantName: z.string().trim().min(1).max(200).optional(),
  inviteCode: inviteCode.optional(),
});

export const loginSchema = z.strictObject({
  email,
  password: z.string().min(1).max(1024),
  tenantId: z.uuid().optional(),
});

export const refreshSchema = z.strictObject({ refreshToken: z.string().min(1).max(200) });

export const joinSchema = z.strictObject({ code: inviteCode });

export type SignupInput = z.output<typeof signupSchema>;
export type LoginInput = z.output<typeof loginSchema>;
