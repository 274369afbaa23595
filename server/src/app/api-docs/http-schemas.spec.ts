import type { z } from 'zod';
import type { Session } from '../auth/auth.service';
import type { HttpErrorBody } from '../common/http-error.filter';
import type { DatabaseKind } from '../database/database.service';
import {
  healthSchema,
  httpErrorSchema,
  inviteSchema,
  meSchema,
  sessionSchema,
} from './http-schemas';

/** Compile-time: the documented bodies are exactly what the services are typed to return. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const matches = <T extends true>(value: T): T => value;

matches<Same<z.output<typeof sessionSchema>, Session>>(true);
matches<Same<z.output<typeof httpErrorSchema>, HttpErrorBody>>(true);
matches<Same<z.output<typeof healthSchema>, { status: 'ok'; db: DatabaseKind }>>(true);
matches<Same<z.output<typeof inviteSchema>, { code: string; expiresAt: string }>>(true);
matches<
  Same<
    z.output<typeof meSchema>['tenants'][number],
    { id: string; name: string; role: Session['tenant']['role'] }
  >
>(true);

describe('HTTP response schemas', () => {
  it('accept what the server sends and refuse what it never does', () => {
    expect(
      httpErrorSchema.safeParse({
        statusCode: 404,
        error: 'Not Found',
        message: 'Account x not found',
      }).success,
    ).toBe(true);
    expect(
      httpErrorSchema.safeParse({
        statusCode: 400,
        error: 'Bad Request',
        message: 'm',
        details: [{ path: 'a', message: 'b' }],
      }).success,
    ).toBe(true);
    expect(httpErrorSchema.safeParse({ statusCode: 200, error: 'OK', message: 'no' }).success).toBe(
      false,
    );
    expect(healthSchema.safeParse({ status: 'ok', db: 'mysql' }).success).toBe(false);
  });
});
