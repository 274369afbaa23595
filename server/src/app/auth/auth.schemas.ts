/**
 * The auth request bodies live in @finwise/domain, so the app's sign-in, sign-up and join forms
 * check exactly what these endpoints accept.
 */
export {
  joinRequestSchema as joinSchema,
  loginRequestSchema as loginSchema,
  refreshRequestSchema as refreshSchema,
  signupRequestSchema as signupSchema,
  type LoginRequest as LoginInput,
  type SignupRequest as SignupInput,
} from '@finwise/domain';
