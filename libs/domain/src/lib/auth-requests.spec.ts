import {
  changePasswordRequestSchema,
  joinRequestSchema,
  loginRequestSchema,
  refreshRequestSchema,
  signupRequestSchema,
} from './auth-requests';

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')} ${issue.message}`);

describe('auth request schemas', () => {
  it('changes a password to one that follows the sign-up rule, given the current one', () => {
    const body = { currentPassword: 'x', newPassword: 'long enough' };
    expect(changePasswordRequestSchema.parse(body)).toEqual(body);
    expect(
      messages(
        changePasswordRequestSchema.safeParse({ currentPassword: '', newPassword: 'short' }),
      ),
    ).toEqual(['currentPassword must not be empty', 'newPassword must be at least 8 characters']);
    expect(changePasswordRequestSchema.safeParse({ ...body, userId: 'someone' }).success).toBe(
      false,
    );
  });

  it('normalises the email and requires a password of at least 8 characters on sign-up', () => {
    expect(
      signupRequestSchema.parse({ email: ' Ann@Example.COM ', password: 'long enough' }),
    ).toEqual({ email: 'ann@example.com', password: 'long enough' });
    expect(messages(signupRequestSchema.safeParse({ email: 'nope', password: 'short' }))).toEqual([
      'email must be a valid email address',
      'password must be at least 8 characters',
    ]);
  });

  it('takes the invite code as inviteCode or code, and refuses two different ones', () => {
    const base = { email: 'ann@example.com', password: 'long enough' };
    expect(signupRequestSchema.parse({ ...base, code: ' ABCD-EFGH-JKLM ' })).toEqual({
      ...base,
      inviteCode: 'ABCD-EFGH-JKLM',
    });
    expect(signupRequestSchema.parse({ ...base, inviteCode: 'X', code: 'X' })).toEqual({
      ...base,
      inviteCode: 'X',
    });
    expect(
      messages(signupRequestSchema.safeParse({ ...base, inviteCode: 'X', code: 'Y' })),
    ).toEqual(['code must be the same as inviteCode when both are sent']);
    expect(signupRequestSchema.safeParse({ ...base, invite: 'X' }).success).toBe(false);
  });

  it('signs in to a chosen household by its UUID', () => {
    const body = {
      email: 'ann@example.com',
      password: 'x',
      tenantId: '7a1c1a86-2f2e-4a43-9a40-1e7bb1f0c001',
    };
    expect(loginRequestSchema.parse(body)).toEqual(body);
    expect(
      messages(loginRequestSchema.safeParse({ ...body, password: '', tenantId: 'home' })),
    ).toEqual(['password must not be empty', 'tenantId must be a UUID']);
  });

  it('checks join and refresh bodies', () => {
    expect(joinRequestSchema.parse({ code: ' ABCD ' })).toEqual({ code: 'ABCD' });
    expect(messages(joinRequestSchema.safeParse({ code: '  ' }))).toEqual([
      'code must not be empty',
    ]);
    expect(refreshRequestSchema.safeParse({ refreshToken: '' }).success).toBe(false);
  });
});
