import { SetMetadata } from '@nestjs/common';

export const AUTH_RATE_LIMITED = 'finwise:auth-rate-limited';

/** Credential endpoints get the stricter per-IP budget (guessing passwords, codes or tokens). */
export const AuthRateLimited = () => SetMetadata(AUTH_RATE_LIMITED, true);
