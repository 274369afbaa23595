import { memberRoleRequestSchema } from './member-requests';

describe('memberRoleRequestSchema', () => {
  it('accepts the two roles and nothing else', () => {
    expect(memberRoleRequestSchema.parse({ role: 'owner' })).toEqual({ role: 'owner' });
    expect(memberRoleRequestSchema.parse({ role: 'member' })).toEqual({ role: 'member' });
    for (const body of [{ role: 'admin' }, { role: 'OWNER' }, {}, { role: 'owner', extra: 1 }]) {
      expect(memberRoleRequestSchema.safeParse(body).success).toBe(false);
    }
  });
});
