import { joinErrors, logInErrors, signUpErrors } from './auth-form-errors';

describe('auth form errors', () => {
  it("words the shared schemas' refusals for each field", () => {
    expect(signUpErrors({ email: 'ann', password: 'short' })).toEqual({
      email: 'Email must be a valid email address.',
      password: 'Password must be at least 8 characters.',
    });
    expect(
      signUpErrors({
        email: 'ann@example.com',
        password: 'long enough',
        tenantName: 'x'.repeat(201),
      }),
    ).toEqual({ tenantName: 'Household name must be at most 200 characters.' });
    expect(logInErrors({ email: 'ann@example.com', password: 'x' })).toEqual({});
    expect(joinErrors({ code: 'x'.repeat(65) })).toEqual({
      code: 'Invite code must be at most 64 characters.',
    });
  });
});
