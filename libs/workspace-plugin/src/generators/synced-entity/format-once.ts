import { formatFiles, type Tree } from '@nx/devkit';

/**
 * `formatFiles` from @nx/devkit skips silently when prettier cannot be loaded or the workspace
 * has no prettier config, and only warns when a file fails to format. Either would leave
 * generated files that fail `npm run lint` later, far from the cause, so both stop the run here.
 */
export async function formatOnce(tree: Tree): Promise<void> {
  if (process.env['NX_SKIP_FORMAT'] === 'true') return;
  try {
    require.resolve('prettier');
  } catch {
    throw new Error('prettier is not installed: run `npm ci` before generating an entity');
  }
  if (!tree.exists('.prettierrc'))
    throw new Error('.prettierrc not found: the generated files would not be formatted');
  const failures: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const message = args.map(String).join(' ');
    if (message.startsWith('Could not format')) failures.push(message);
    else warn(...args);
  };
  try {
    await formatFiles(tree);
  } finally {
    console.warn = warn;
  }
  if (failures.length > 0) {
    throw new Error(
      `prettier could not format the generated files (Node needs --experimental-vm-modules to load it under jest):\n${failures.join('\n')}`,
    );
  }
}
