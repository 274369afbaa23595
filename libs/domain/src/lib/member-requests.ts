import * as z from 'zod';

/** Changing a member's role (FINANCE §7): owners promote members so that they can leave. */
export const memberRoleRequestSchema = z.strictObject({
  role: z.enum(['owner', 'member'], { error: "must be 'owner' or 'member'" }),
});

export type MemberRoleRequest = z.output<typeof memberRoleRequestSchema>;
