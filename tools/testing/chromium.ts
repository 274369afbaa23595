/**
 * How every browser run starts the system's Chromium (playwright-core drives it; it does not
 * download browsers of its own): the binary, and flags that keep a headless run from reaching
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
