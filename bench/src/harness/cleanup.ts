/**
 * Everything a benchmark starts (server processes, databases, temp dirs, browsers, sockets)
 * registers its own undo here, so that a failing scenario, Ctrl-C or a crash still leaves no
 * process, database or directory behind. Undos run newest first, each at most once.
 */
type Undo = () => Promise<void> | void;

const undos: { label: string; undo: Undo }[] = [];
let installed = false;

export function onCleanup(label: string, undo: Undo): () => Promise<void> {
  const entry = { label, undo };
  undos.push(entry);
  // Returns "undo now": runs it once and forgets it.
  return async () => {
    const index = undos.indexOf(entry);
    if (index === -1) return;
    undos.splice(index, 1);
    await runOne(entry);
  };
}

async function runOne(entry: { label: string; undo: Undo }): Promise<void> {
  try {
    await entry.undo();
  } catch (error) {
    process.stderr.write(`cleanup of ${entry.label} failed: ${(error as Error).message}\n`);
  }
}

export async function cleanupAll(): Promise<void> {
  while (undos.length > 0) {
    const entry = undos.pop();
    if (entry) await runOne(entry);
  }
}

/** Ctrl-C, SIGTERM and crashes clean up before the process ends. */
export function installExitHandlers(): void {
  if (installed) return;
  installed = true;
  const bail = (reason: string, code: number) => {
    process.stderr.write(`\n${reason}: cleaning up…\n`);
    void cleanupAll().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => bail('interrupted', 130));
  process.once('SIGTERM', () => bail('terminated', 143));
  process.on('unhandledRejection', (error) =>
    bail(`unhandled rejection ${(error as Error)?.stack ?? error}`, 1),
  );
}
