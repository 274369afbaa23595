import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup';

/**
 * The browser benchmark page, served by the product server itself as its static client
 * directory (`CLIENT_DIR`). Same origin as the API and socket, like the real app — and loaded
 * over the network from loopback, which Chromium's local-network-access checks require of a
 * page that opens a websocket to 127.0.0.1 (an intercepted, Playwright-fulfilled page fails them).
 */
export function createBenchPageDir(bundleDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'finwise-bench-page-'));
  onCleanup('bench page dir', () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>bench</title><script src="/load-page.js"></script>\n',
  );
  copyFileSync(join(bundleDir, 'load-page.js'), join(dir, 'load-page.js'));
  return dir;
}

export function writePageFile(dir: string, name: string, content: string | Buffer): void {
  writeFileSync(join(dir, name), content);
}
