/**
 * Same-origin by default; other browser origins only when listed in CORS_ORIGINS. Requests
 * without an Origin header (native apps, scripts, server-to-server) carry no ambient browser
 * credentials and are allowed; they still need a bearer token.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowList: readonly string[],
): boolean {
  if (!origin) return true;
  if (allowList.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
