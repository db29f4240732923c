#!/usr/bin/env node
// The machine's ceiling for parallel scans: N independent `cache-codemod scan --workers 1
// --shard i/N` processes at once, outputs merged into one report. Used by perf/bench.mjs
// (scenario codemod-shards): how much faster two workers could be than one on this machine if
// nothing at all were shared between them.
//
//   node perf/shards.mjs <cli.js> <N> <out.json> [paths...]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [cli, count, outFile, ...paths] = process.argv.slice(2);
const n = Number(count);
if (!cli || !Number.isInteger(n) || n < 1 || !outFile) {
  console.error('usage: node perf/shards.mjs <cli.js> <N> <out.json> [paths...]');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-codemod-shards-'));
const run = (i) =>
  new Promise((resolve, reject) => {
    const out = path.join(dir, `shard-${i}.json`);
    const args = [cli, 'scan', '--format', 'json', '--workers', '1', '--no-progress', '--fail-on', 'none', '--shard', `${i}/${n}`, '--output', out, ...paths];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(fs.readFileSync(out, 'utf8'))) : reject(new Error(`shard ${i}/${n} exited with ${code}`))));
  });
try {
  const reports = await Promise.all(Array.from({ length: n }, (_, i) => run(i + 1)));
  const summary = {};
  for (const report of reports) {
    for (const [key, value] of Object.entries(report.summary ?? {})) {
      if (typeof value === 'number') summary[key] = (summary[key] ?? 0) + value;
    }
  }
  fs.writeFileSync(outFile, JSON.stringify({ summary, files: reports.flatMap((report) => report.files ?? []) }));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
