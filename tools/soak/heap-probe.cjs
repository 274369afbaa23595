// Preloaded into a server process by the soak (`node --expose-gc --require …`): every few seconds
// it collects garbage and appends the live heap to $SOAK_HEAP_LOG, so the soak measures the
// server's heap growth without any code in the server for it.
const { appendFileSync } = require('node:fs');

const file = process.env.SOAK_HEAP_LOG;
if (file) {
  setInterval(() => {
    if (typeof global.gc === 'function') global.gc();
    appendFileSync(file, `${Date.now()} ${process.memoryUsage().heapUsed}\n`);
  }, 5_000).unref();
}
