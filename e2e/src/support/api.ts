import { randomBytes, randomUUID } from 'node:crypto';

export interface ApiSession {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string };
  tenant: { id: string; name: string };
}

export interface Credentials {
  email: string;
  password: string;
}

export const PASSWORD = 'correct horse battery';

export function uniqueEmail(name: string): string {
  return `${name}-${randomBytes(4).toString('hex')}@example.com`;
}

/** Thin REST client for test set-up (the browsers do the actual testing). */
export class Api {
  constructor(readonly baseUrl: string) {}

  async request<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  signUp(
    credentials: Credentials & { tenantName?: string; inviteCode?: string },
  ): Promise<ApiSession> {
    return this.request('POST', '/auth/signup', credentials);
  }

  async invite(session: ApiSession): Promise<string> {
    const { code } = await this.request<{ code: string }>(
      'POST',
      `/tenants/${session.tenant.id}/invites`,
      {},
      session.accessToken,
    );
    return code;
  }

  async list<T>(session: ApiSession, modelName: string): Promise<T[]> {
    const items: T[] = [];
    let after: string | null = null;
    do {
      const query = `?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const page: { items: T[]; next: string | null } = await this.request(
        'GET',
        `/${modelName}${query}`,
        undefined,
        session.accessToken,
      );
      items.push(...page.items);
      after = page.next;
    } while (after);
    return items;
  }

  /** Pushes mutations through the HTTP twin of `sync:push`; fails unless every one applied. */
  async push(session: ApiSession, mutations: PushMutation[]): Promise<void> {
    const ack = await this.request<{ results: { status: string; error?: unknown }[] }>(
      'POST',
      '/sync/push',
      { mutations },
      session.accessToken,
    );
    const refused = ack.results.filter((result) => result.status !== 'applied');
    if (refused.length > 0) {
      throw new Error(`push refused: ${JSON.stringify(refused.slice(0, 3))}`);
    }
  }
}

export interface PushMutation {
  mutationId: string;
  modelName: string;
  operation: 'create' | 'update' | 'delete';
  data: { id: string } & Record<string, unknown>;
  hlc: string;
}

const NODE_ID = randomBytes(8).toString('hex');
let counter = 0;

/** A fresh HLC of this test process: now, a counter, a random node id (DESIGN §6). */
export function nextHlc(): string {
  counter = (counter + 1) % 0x10000;
  return `${new Date().toISOString()}-${counter.toString(16).padStart(4, '0')}-${NODE_ID}`;
}

export function createMutation(modelName: string, data: Record<string, unknown>): PushMutation {
  return {
    mutationId: randomUUID(),
    modelName,
    operation: 'create',
    data: { id: randomUUID(), ...data },
    hlc: nextHlc(),
  };
}
