import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app/config/app-config';
import { createApp, listen } from './app/create-app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { clientDir: join(__dirname, '..', 'client', 'browser') });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  // Close sockets, the pool and the embedded database cleanly so PGlite's files stay consistent.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  const url = await listen(app, config);
  // A machine-readable line for scripts and tests that start the server on port 0.
  process.stdout.write(`FINWISE_READY ${url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `FinWise Sync failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
