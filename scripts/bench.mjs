#!/usr/bin/env node
// `npm run bench`: how long followup takes as a whole process, next to `node -e 0` in the same
// run. Seeds 2,000- and 20,000-application stores in a temporary folder, warms up, then runs
// every command in turn (round-robin, so a noisy moment hits them all alike), and prints medians,
// spreads and ratios. A benchmark, not a test: nothing in `npm test` depends on a time.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'followup');
const seeder = path.join(root, 'dist', 'bench-seed.cjs');
const TODAY = '2026-12-07';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 3;

if (!fs.existsSync(seeder) || !fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) {
  console.error('Build first: npm run build');
  process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-bench-'));
const env = { ...process.env, NO_COLOR: '1' };
delete env.CI;

function followup(db, args) {
  return [process.execPath, bin, '--db', db, '--today', TODAY, ...args];
}

function seed(n, years) {
  const db = path.join(dir, `store-${n}-${years}y.db`);
  const started = Date.now();
  execFileSync(
    process.execPath,
    [seeder, '--db', db, '--applications', String(n), '--seed', '1', '--today', TODAY, '--years', String(years)],
    { stdio: 'ignore' },
  );
  const seconds = (Date.now() - started) / 1000;
  execFileSync(process.execPath, [bin, '--db', db, 'config', 'set', 'name', 'Alex Morgan'], { stdio: 'ignore', env });
  // An active application with a hiring manager, for draft and show.
  const list = JSON.parse(execFileSync(process.execPath, [bin, '--db', db, '--today', TODAY, 'list', '--json'], { env }).toString());
  return { db, seconds, active: list.length, sample: list[list.length - 1].id };
}

// Two years of history at two sizes (the larger one has ten times the active work too, like a
// coach with many clients), and the larger size over twenty years: ten times the history with
// as much going on at once as in the small store (one person's long search).
console.log(`Seeding in ${dir} ...`);
const small = seed(2000, 2);
const large = seed(20000, 2);
const long = seed(20000, 20);
for (const [what, s] of [['2,000 over 2 years', small], ['20,000 over 2 years', large], ['20,000 over 20 years', long]]) {
  console.log(`  ${what}: ${s.seconds.toFixed(1)} s, ${s.active} active`);
}

let added = 0;
const cases = [
  { name: 'node -e 0', cmd: () => [process.execPath, '-e', '0'] },
  { name: 'today (2,000)', cmd: () => followup(small.db, ['today']) },
  { name: 'today (20,000)', cmd: () => followup(large.db, ['today']) },
  { name: 'today (20,000, 20 yrs)', cmd: () => followup(long.db, ['today']) },
  { name: 'list (2,000)', cmd: () => followup(small.db, ['list']) },
  { name: 'list (20,000)', cmd: () => followup(large.db, ['list']) },
  { name: 'list (20,000, 20 yrs)', cmd: () => followup(long.db, ['list']) },
  {
    name: 'add --no-input (2,000)',
    cmd: () => followup(small.db, ['add', '--no-input', '--company', `Bench ${++added}`, '--role', 'Engineer', '--hiring-manager', 'Dana Reyes']),
  },
  { name: 'draft thanks (2,000)', cmd: () => followup(small.db, ['draft', 'thanks', String(small.sample)]) },
  { name: 'show (2,000)', cmd: () => followup(small.db, ['show', String(small.sample)]) },
  { name: 'show (20,000)', cmd: () => followup(large.db, ['show', String(large.sample)]) },
  // What a shell's Tab runs to complete an application reference (followup completion).
  { name: 'complete a ref (2,000)', cmd: () => followup(small.db, ['__complete', 'show', '']) },
];

function timeOnce(argv) {
  const started = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], env });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.slice(1).join(' ')} failed: ${r.stderr}`);
  return ms;
}

for (let w = 0; w < WARMUP; w++) for (const c of cases) timeOnce(c.cmd());
const samples = new Map(cases.map((c) => [c.name, []]));
for (let r = 0; r < RUNS; r++) for (const c of cases) samples.get(c.name).push(timeOnce(c.cmd()));

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
const stats = new Map();
for (const [name, list] of samples) {
  const sorted = [...list].sort((a, b) => a - b);
  stats.set(name, { median: quantile(sorted, 0.5), p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75) });
}

/** Peak resident memory in kB, through GNU time when the machine has it. */
function peakKb(argv) {
  if (!fs.existsSync('/usr/bin/time')) return null;
  const values = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { stdio: ['ignore', 'ignore', 'pipe'], env });
    const kb = Number(r.stderr.toString().trim().split('\n').pop());
    if (Number.isFinite(kb)) values.push(kb);
  }
  values.sort((a, b) => a - b);
  return values.length ? values[Math.floor(values.length / 2)] : null;
}
const nodeKb = peakKb([process.execPath, '-e', '0']);
const todayKb = peakKb(followup(large.db, ['today']));
const longKb = peakKb(followup(long.db, ['today']));

const base = stats.get('node -e 0').median;
const pad = (s, n) => String(s).padEnd(n);
const padStart = (s, n) => String(s).padStart(n);
console.log(`\n${RUNS} runs each after ${WARMUP} warm-ups; Node ${process.version}, ${os.cpus().length} cores.\n`);
console.log(`| ${pad('command', 24)} | ${padStart('median ms', 9)} | ${padStart('p25-p75 ms', 13)} | ${padStart('x node', 6)} |`);
console.log(`|${'-'.repeat(26)}|${'-'.repeat(11)}|${'-'.repeat(15)}|${'-'.repeat(8)}|`);
for (const [name, s] of stats) {
  console.log(
    `| ${pad(name, 24)} | ${padStart(s.median.toFixed(1), 9)} | ${padStart(`${s.p25.toFixed(0)}-${s.p75.toFixed(0)}`, 13)} | ${padStart((s.median / base).toFixed(2), 6)} |`,
  );
}

const ratio = (a, b) => stats.get(a).median / stats.get(b).median;
const activeTimes = (large.active / small.active).toFixed(1);
const goals = [
  ['today (2,000) / node -e 0', ratio('today (2,000)', 'node -e 0'), 1.4],
  ['today (20,000, 20 yrs) / today (2,000): ten times the history', ratio('today (20,000, 20 yrs)', 'today (2,000)'), 1.1],
  [`today (20,000) / today (2,000): ten times the history and ${activeTimes} times the active work`, ratio('today (20,000)', 'today (2,000)'), 1.1],
  ['add --no-input / node -e 0', ratio('add --no-input (2,000)', 'node -e 0'), 1.5],
  ['draft thanks / node -e 0', ratio('draft thanks (2,000)', 'node -e 0'), 1.7],
  ['completing a reference (2,000), ms', stats.get('complete a ref (2,000)').median, 150],
];
if (nodeKb && longKb) goals.push(['peak memory today (20,000, 20 yrs) / node -e 0', longKb / nodeKb, 1.5]);
if (nodeKb && todayKb) goals.push(['peak memory today (20,000) / node -e 0', todayKb / nodeKb, 1.5]);
console.log('\n| goal | measured | limit | |');
console.log('|---|---|---|---|');
for (const [what, value, limit] of goals) {
  console.log(`| ${what} | ${value.toFixed(2)} | <= ${limit} | ${value <= limit ? 'met' : 'MISSED'} |`);
}
if (nodeKb && todayKb) {
  console.log(
    `\nPeak memory: node -e 0 ${(nodeKb / 1024).toFixed(1)} MB, today (20,000) ${(todayKb / 1024).toFixed(1)} MB, ` +
      `today (20,000, 20 yrs) ${(longKb / 1024).toFixed(1)} MB.`,
  );
}
// What the active work costs: the extra time of the larger two-year store over the small one,
// per application that today plans in addition.
const extra = stats.get('today (20,000)').median - stats.get('today (2,000)').median;
console.log(`Active work: ${(extra / (large.active - small.active) * 1000).toFixed(0)} µs per additional active application.`);
fs.rmSync(dir, { recursive: true, force: true });
