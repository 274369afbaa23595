// Two terminals, same household, real-time sync with nothing but socket.io-client:
//
//   node examples/live-sync.mjs you@example.com 'a long password'            # terminal 1
//   node examples/live-sync.mjs you@example.com 'a long password' "Giro"     # terminal 2
//
// The first signs up (or logs in) and prints every change the household makes; with a third
// argument it also creates an account of that name, which terminal 1 prints at once.
import { randomBytes, randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';

const [email, password, accountName] = process.argv.slice(2);
const server = process.env.FINWISE_URL ?? 'http://localhost:3000';
if (!email || !password) {
  console.error('usage: node examples/live-sync.mjs <email> <password> [account name to create]');
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
console.log(`signed in to household "${tenant.name}" (${tenant.id})`);

const nodeId = randomBytes(8).toString('hex');
let counter = 0;
const hlc = () => `${new Date().toISOString()}-${(counter++ % 0x10000).toString(16).padStart(4, '0')}-${nodeId}`;

const socket = io(`${server}/sync`, { auth: { token: accessToken, clientId: randomUUID() }, transports: ['websocket'] });
socket.on('connect_error', (error) => console.error(`connection refused: ${error.message}`));
socket.on('sync:changes', ({ changes, cursor }) => {
  for (const { modelName, record } of changes) {
    const what = record.deletedAt ? 'deleted' : JSON.stringify(Object.fromEntries(Object.entries(record).filter(([k]) => !['fieldClocks', 'tenantId'].includes(k))));
    console.log(`[${cursor}] ${modelName} ${record.id}: ${what}`);
  }
});
socket.on('connect', async () => {
  const page = await socket.emitWithAck('sync:pull', { cursor: null, limit: 1000 });
  console.log(`connected; the household has ${page.total} rows so far`);
  if (accountName) {
    const ack = await socket.emitWithAck('sync:push', {
      mutations: [
        {
          mutationId: randomUUID(),
          modelName: 'accounts',
          operation: 'create',
          hlc: hlc(),
          data: { id: randomUUID(), name: accountName, type: 'checking', currency: 'EUR', onBudget: true, closed: false, sortOrder: 0 },
        },
      ],
    });
    console.log(`created account "${accountName}": ${ack.results[0].status}`);
  }
  console.log('listening for changes (Ctrl+C to stop)');
});
