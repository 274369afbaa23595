import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
export const SERVER_MAIN = join(WORKSPACE_ROOT, 'dist', 'server', 'main.js');
export const CLIENT_INDEX = join(WORKSPACE_ROOT, 'dist', 'client', 'browser', 'index.html');
/** Screenshots and failure artefacts (gitignored). */
export const OUTPUT_DIR = join(WORKSPACE_ROOT, 'e2e', 'output');
// The one place the browser tests reach into the workspace's shared test tooling (tools/testing
// has no import alias): the benchmark starts Chromium the same way.
// eslint-disable-next-line @nx/enforce-module-boundaries
export { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../../../tools/testing/chromium';
