export interface LogInRequest {
  email: string;
  password: string;
}

/** Without an invite code a new household is created (named `tenantName` when given); with one, the user joins it. */
export interface SignUpRequest extends LogInRequest {
  tenantName?: string;
  inviteCode?: string;
}
