import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
export const SERVER_MAIN = join(WORKSPACE_ROOT, 'dist', 'server', 'main.js');
export const CLIENT_INDEX = join(WORKSPACE_ROOT, 'dist', 'client', 'browser', 'index.html');
/** Screenshots and failure artefacts (gitignored). */
export const OUTPUT_DIR = join(WORKSPACE_ROOT, 'e2e', 'output');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
