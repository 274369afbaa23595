export interface SessionUser {
  id: string;
  email: string;
}

export interface SessionTenant {
  id: string;
  name: string;
}

/** The server's answer to signup, login and refresh; the app keeps it whole as the signed-in session. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
  tenant: SessionTenant;
}

/** Guards against stored or received data that does not have the session's shape. */
export function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return (
    isNonEmptyString(candidate['accessToken']) &&
    isNonEmptyString(candidate['refreshToken']) &&
    hasStringFields(candidate['user'], ['id', 'email']) &&
    hasStringFields(candidate['tenant'], ['id', 'name'])
  );
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function hasStringFields(value: unknown, fields: string[]): boolean {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return fields.every((field) => typeof record[field] === 'string');
}
