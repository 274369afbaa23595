import type { LoginRequestInput, SignupRequestInput } from '@finwise/domain';

/** Signing in; with `tenantId` into that one of the user's households. */
export type LogInRequest = LoginRequestInput;

/** Without an invite code a new household is created (named `tenantName` when given); with one, the user joins it. */
export type SignUpRequest = Omit<SignupRequestInput, 'code'>;
