// Two terminals, same household, real-time sync with nothing but socket.io-client:
//
//   node examples/live-sync.mjs you@example.com 'a long password'            # terminal 1
//   node examples/live-sync.mjs you@example.com 'a long password' "Giro"     # terminal 2
//
// The first signs up (or logs in) and prints every change the household makes; with a third
// argument it also creates an account of that name, which terminal 1 prints at once.
//
// With --exit both stop by themselves (examples/run-all.sh runs them so in CI): the listener
// after the first live change (status 1 when none comes within 30 s), the writer after its ack.
import { randomBytes, randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';

const args = process.argv.slice(2);
const exitWhenDone = args.includes('--exit');
const [email, password, accountName] = args.filter((arg) => arg !== '--exit');
const server = process.env.FINWISE_URL ?? 'http://localhost:3000';
if (!email || !password) {
  console.error(
    'usage: node examples/live-sync.mjs <email> <password> [account name to create] [--exit]',
  );
  process.exit(2);
}

async function post(path, body) {
  const response = await fetch(`${server}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

let session = await post('/auth/login', { email, password });
if (session.status === 401) session = await post('/auth/signup', { email, password });
if (session.status >= 300) {
  console.error(`could not sign in: ${session.body.message}`);
  process.exit(1);
}
const { accessToken, tenant } = session.body;
let { refreshToken } = session.body;
console.log(`signed in to household "${tenant.name}" (${tenant.id})`);

const nodeId = randomBytes(8).toString('hex');
let counter = 0;
const hlc = () =>
  `${new Date().toISOString()}-${(counter++ % 0x10000).toString(16).padStart(4, '0')}-${nodeId}`;

// Made once: after a reconnect the same mutation is sent again, which is harmless.
const newAccount = accountName && {
  mutationId: randomUUID(),
  modelName: 'accounts',
  operation: 'create',
  hlc: hlc(),
  data: {
    id: randomUUID(),
    name: accountName,
    type: 'checking',
    currency: 'EUR',
    onBudget: true,
    closed: false,
    sortOrder: 0,
  },
};

const socket = io(`${server}/sync`, {
  auth: { token: accessToken, clientId: randomUUID() },
  transports: ['websocket'],
});
socket.on('connect_error', (error) => console.error(`connection refused: ${error.message}`));
// The server closes the socket when the access token expires ("io server disconnect"); a push or
// pull sent after the expiry is answered `unauthorized` and was not applied. Refresh the token, connect again
// (the 'connect' handler below pulls and, for the writer, pushes again: re-sending is harmless).
socket.on('disconnect', async (reason) => {
  if (reason !== 'io server disconnect') return;
  const refreshed = await post('/auth/refresh', { refreshToken });
  if (refreshed.status !== 200) {
    console.error(`could not refresh the session: ${refreshed.body.message}; sign in again`);
    process.exit(1);
  }
  refreshToken = refreshed.body.refreshToken;
  socket.auth.token = refreshed.body.accessToken;
  socket.connect();
});
socket.on('sync:changes', ({ changes, cursor }) => {
  for (const { modelName, record } of changes) {
    const what = record.deletedAt
      ? 'deleted'
      : JSON.stringify(
          Object.fromEntries(
            Object.entries(record).filter(([k]) => !['fieldClocks', 'tenantId'].includes(k)),
          ),
        );
    console.log(`[${cursor}] ${modelName} ${record.id}: ${what}`);
  }
  if (exitWhenDone && !accountName) finish(0);
});
socket.on('connect', async () => {
  const page = await socket.emitWithAck('sync:pull', { cursor: null, limit: 1000 });
  console.log(`connected; the household has ${page.total} rows so far`);
  if (newAccount) {
    const ack = await socket.emitWithAck('sync:push', { mutations: [newAccount] });
    console.log(`created account "${accountName}": ${ack.results[0].status}`);
    if (exitWhenDone) finish(ack.results[0].status === 'applied' ? 0 : 1);
  }
  console.log('listening for changes (Ctrl+C to stop)');
});

function finish(status) {
  socket.disconnect();
  process.exit(status);
}

if (exitWhenDone) {
  setTimeout(() => {
    console.error('no live change within 30 s');
    finish(1);
  }, 30_000).unref();
}
