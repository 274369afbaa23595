/**
 * How every browser run here starts Debian's Chromium (playwright-core cannot download its own
 * browsers on these machines): the binary, and flags that keep a headless run from reaching
 * out to the network or to services of its own.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as string[];
