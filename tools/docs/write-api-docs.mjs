#!/usr/bin/env node
// Writes docs/openapi.json and docs/asyncapi.json from the built server (`npm run docs`), or
// with --check regenerates them in memory and fails when they are invalid or differ from the
// committed files (`npm run docs:check`, run in CI).
//
// The documents are taken from a real server process rather than assembled here, so what is
// committed is byte for byte what /api/docs-json and /api/asyncapi.json serve.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Parser as AsyncApiParser } from '@asyncapi/parser';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_MAIN = join(ROOT, 'dist', 'server', 'main.js');
// A loaded 2-core machine has taken over two minutes to run the embedded database's migrations.
const READY_TIMEOUT_MS = 300_000;
const DOCUMENTS = [
  { route: '/api/docs-json', file: join(ROOT, 'docs', 'openapi.json'), validate: validateOpenApi },
  {
    route: '/api/asyncapi.json',
    file: join(ROOT, 'docs', 'asyncapi.json'),
    validate: validateAsyncApi,
  },
];

const check = process.argv.includes('--check');

async function main() {
  if (!existsSync(SERVER_MAIN))
    fail(`${relative(ROOT, SERVER_MAIN)} is missing: run "npx nx build server" first`);
  const texts = await withServer(async (url) => {
    const result = [];
    for (const document of DOCUMENTS) {
      const response = await fetch(url + document.route);
      if (!response.ok) fail(`GET ${document.route} answered ${response.status}`);
      // Stable formatting so the committed file only changes when the document does.
      result.push(`${JSON.stringify(await response.json(), null, 2)}\n`);
    }
    return result;
  });

  let problems = 0;
  for (const [index, document] of DOCUMENTS.entries()) {
    const name = relative(ROOT, document.file);
    const errors = await document.validate(JSON.parse(texts[index]));
    if (errors.length > 0) {
      problems += 1;
      console.error(`${name}: invalid\n  ${errors.join('\n  ')}`);
      continue;
    }
    if (check) {
      const committed = existsSync(document.file) ? await readFile(document.file, 'utf8') : null;
      if (committed !== texts[index]) {
        problems += 1;
        console.error(
          `${name}: ${committed === null ? 'missing' : 'out of date'}; run "npm run docs" and commit it`,
        );
      } else {
        console.log(`${name}: valid and current`);
      }
    } else {
      await writeFile(document.file, texts[index]);
      console.log(`${name}: written (valid)`);
    }
  }
  if (problems > 0) process.exit(1);
}

async function validateOpenApi(document) {
  try {
    // The validator dereferences the object it is given: hand it a copy.
    await SwaggerParser.validate(structuredClone(document));
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

async function validateAsyncApi(document) {
  const { document: parsed, diagnostics } = await new AsyncApiParser().parse(
    JSON.stringify(document),
  );
  const errors = diagnostics
    .filter((d) => d.severity === 0)
    .map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`);
  if (!parsed && errors.length === 0) errors.push('the parser returned no document');
  return errors;
}

/** Runs `work(url)` against a throwaway server on a loopback port with an empty embedded database. */
async function withServer(work) {
  const dataDir = await mkdtemp(join(tmpdir(), 'finwise-docs-'));
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  // The documents do not depend on the database: always use the embedded one, never a shared server.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'NODE_OPTIONS']) delete env[name];
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  try {
    const url = await new Promise((resolveUrl, reject) => {
      let stdout = '';
      const timer = setTimeout(
        () =>
          reject(new Error(`the server did not start within ${READY_TIMEOUT_MS} ms\n${stderr}`)),
        READY_TIMEOUT_MS,
      );
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const match = /^FINWISE_READY (http:\/\/\S+)$/m.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1].replace('//localhost:', '//127.0.0.1:'));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with code ${code} before it was ready\n${stderr}`));
      });
    });
    return await work(url);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
