// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof`) without DevTools:
// self time per function and per package/file, busiest first.
//   node bench/profile-summary.mjs tmp/bench/profiles/server-….cpuprofile [--top=30]
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/profile-summary.mjs <file.cpuprofile> [--top=N]\n');
  process.exit(2);
}
const top = Number(rest.find((a) => a.startsWith('--top='))?.slice(6) ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8'));

// Sample counts weighted by the time until the next sample give each node's self time.
const selfUs = new Map();
const deltas = profile.timeDeltas ?? [];
profile.samples.forEach((id, i) =>
  selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0)),
);
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

/** Where a function lives: the npm package, else the file (webpack bundles keep one file). */
function place(url) {
  if (!url) return '(native/VM)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  return url.replace(/^.*\/(work\/main\/)?/, '');
}

const byFunction = new Map();
const byPlace = new Map();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (us === 0) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${place(url)}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  byPlace.set(place(url), (byPlace.get(place(url)) ?? 0) + us);
}

const print = (title, map) => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(
      `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}\n`,
    );
  }
};
process.stdout.write(`${file}: ${(total / 1e6).toFixed(1)} s sampled\n`);
print('self time by package / file', byPlace);
print('self time by function', byFunction);
