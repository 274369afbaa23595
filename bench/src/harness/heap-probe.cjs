// Preloaded into the server processes of the memory scenario (`node --expose-gc --require …`,
// see heap-probe.ts): on SIGUSR2 it runs a full garbage collection and appends the live V8 heap,
// external memory and RSS to $BENCH_HEAP_FILE, so the benchmark reads a server's heap without
// any code in the server.
// Plain CommonJS: it is loaded from its source path, not from the esbuild bundle.
const { appendFileSync } = require('node:fs');

const file = process.env.BENCH_HEAP_FILE;
if (file) {
  // Without a handler SIGUSR2 would end the process: refuse to start instead.
  if (typeof global.gc !== 'function') throw new Error('heap-probe.cjs needs node --expose-gc');
  process.on('SIGUSR2', () => {
    global.gc();
    // A second collection after one turn of the event loop also frees what the first one's
    // weak callbacks and finalizers let go of.
    setImmediate(() => {
      global.gc();
      const { heapUsed, external, rss } = process.memoryUsage();
      appendFileSync(file, `${heapUsed} ${external} ${rss}\n`);
    });
  });
}
