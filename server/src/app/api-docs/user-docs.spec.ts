import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ErrorCodes,
  HistoryLimits,
  RestLimits,
  SyncEvents,
  SyncLimits,
} from '@finwise/sync-protocol';

/**
 * The hand-written user docs must keep up with the protocol: a new error code, event or limit
 * that is not explained in docs/ fails here. Entities are left out on purpose: a generated entity
 * must pass `npm test` without hand edits, and it appears in the generated documents anyway
 * (`npm run docs` / `docs:check`).
 */
/** Whether a markdown table has a row whose first cell is `cell` (however the columns are padded). */
const hasRow = (table: string, cell: string) =>
  table.split('\n').some((line) => line.replace(/^\|\s*/, '').startsWith(`${cell} `));

const docs = (name: string) =>
  readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', name), 'utf8');

describe('user docs', () => {
  const protocol = docs('protocol.md');
  const api = docs('api.md');

  it('explain every error code in the protocol error table', () => {
    const table = protocol.slice(
      protocol.indexOf('## Error codes'),
      protocol.indexOf('## Writing a correct client'),
    );
    for (const code of Object.values(ErrorCodes))
      expect({ code, documented: hasRow(table, `\`${code}\``) }).toEqual({
        code,
        documented: true,
      });
  });

  it('name every event and limit', () => {
    for (const event of Object.values(SyncEvents)) expect(protocol).toContain(event);
    expect(protocol).toContain(`${SyncLimits.maxBatchMutations} mutations`);
    expect(protocol).toContain(`${SyncLimits.maxBatchBytes / 1024} KB`);
    expect(protocol).toContain(`${SyncLimits.maxFrameBytes / 1024 / 1024} MB`);
    expect(protocol).toContain(
      `default ${SyncLimits.defaultPullLimit}, clamped to 1…${SyncLimits.maxPullLimit}`,
    );
    expect(protocol).toContain(`${SyncLimits.maxClockSkewMs / 60_000} minutes`);
  });

  it('quote the REST list page sizes the server uses', () => {
    expect(api).toContain(
      `\`limit\` is an integer 1…${RestLimits.maxListLimit} (default ${RestLimits.defaultListLimit})`,
    );
  });

  it('quote the history page sizes the server uses', () => {
    expect(api).toContain(
      `\`limit\` is an integer 1…${HistoryLimits.maxLimit} (default ${HistoryLimits.defaultLimit})`,
    );
  });

  it('list the HTTP error statuses the API documents', () => {
    const table = api.slice(api.indexOf('## Errors'));
    for (const status of [400, 401, 403, 404, 409, 413, 429, 500, 503])
      expect({ status, listed: hasRow(table, String(status)) }).toEqual({ status, listed: true });
  });
});
