#!/usr/bin/env node
// `npm run bench`: how long followup takes as a whole process, next to `node -e 0` in the same
// run. Seeds 2,000- and 20,000-application stores in a temporary folder, warms up, then runs
// every command in turn (round-robin, so a noisy moment hits them all alike), and prints medians,
// spreads and ratios. A benchmark, not a test: nothing in `npm test` depends on a time.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
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
  { name: 'list --all (2,000)', cmd: () => followup(small.db, ['list', '--all']) },
  { name: 'list --all (20,000)', cmd: () => followup(large.db, ['list', '--all']) },
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
const listAllKb = { small: peakKb(followup(small.db, ['list', '--all'])), large: peakKb(followup(large.db, ['list', '--all'])) };

// Export and import take seconds, not milliseconds: each is run HEAVY_RUNS times on its own (not
// in the round-robin), timed and measured for peak memory in the same run, through GNU time.
const HEAVY_RUNS = Number(process.env.BENCH_HEAVY_RUNS ?? 3);
const hasTime = fs.existsSync('/usr/bin/time');
function heavy(argvFor) {
  const ms = [];
  const kb = [];
  for (let i = 0; i < HEAVY_RUNS; i++) {
    const argv = argvFor();
    const started = process.hrtime.bigint();
    const r = hasTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { stdio: ['ignore', 'ignore', 'pipe'], env })
      : spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], env });
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (r.status !== 0) throw new Error(`${argv.slice(1).join(' ')} failed: ${r.stderr}`);
    if (hasTime) kb.push(Number(r.stderr.toString().trim().split('\n').pop()));
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return { ms: median(ms), kb: kb.length ? median(kb) : null };
}
const heavyRows = [];
const archives = {};
for (const [label, s] of [['2,000', small], ['20,000', large]]) {
  const file = path.join(dir, `export-${s.active}.json`);
  archives[label] = file;
  heavyRows.push({ name: `export json (${label})`, ...heavy(() => followup(s.db, ['export', '--format', 'json', '--out', file])) });
  // The calendar and the spreadsheet stream too (one application at a time): their peak goes into the goals.
  for (const format of ['ics', 'csv']) {
    const out = path.join(dir, `export-${s.active}.${format}`);
    heavyRows.push({ name: `export ${format} (${label})`, ...heavy(() => followup(s.db, ['export', '--format', format, '--out', out])) });
  }
  // Each import into an empty store of its own.
  let n = 0;
  const into = () => {
    const db = path.join(dir, `import-${label.replace(',', '')}-${++n}.db`);
    return followup(db, ['import', file]);
  };
  heavyRows.push({ name: `import (${label})`, ...heavy(into) });
}

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
  [`today (20,000) / today (2,000): ten times the history and ${activeTimes} times the active work`, ratio('today (20,000)', 'today (2,000)'), 1.5],
  ['add --no-input / node -e 0', ratio('add --no-input (2,000)', 'node -e 0'), 1.5],
  ['draft thanks / node -e 0', ratio('draft thanks (2,000)', 'node -e 0'), 1.7],
  ['completing a reference (2,000), ms', stats.get('complete a ref (2,000)').median, 150],
];
for (const row of heavyRows) {
  if (nodeKb && row.kb) goals.push([`peak memory ${row.name} / node -e 0`, row.kb / nodeKb, 3]);
}
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
console.log('\n| command (one at a time) | median ms | peak MB | x node memory |');
console.log('|---|---|---|---|');
for (const row of heavyRows) {
  console.log(`| ${row.name} | ${row.ms.toFixed(0)} | ${row.kb ? (row.kb / 1024).toFixed(1) : '-'} | ${nodeKb && row.kb ? (row.kb / nodeKb).toFixed(2) : '-'} |`);
}
for (const [label, s] of [['2,000', small], ['20,000', large]]) {
  console.log(`Archive (${label}): ${(fs.statSync(archives[label]).size / 1024 / 1024).toFixed(1)} MB; list --all (${label}) peak ${listAllKb[s === small ? 'small' : 'large'] ? (listAllKb[s === small ? 'small' : 'large'] / 1024).toFixed(1) : '-'} MB.`);
}

// The round trip: the 20,000 store exported, imported into an empty store, and every table
// compared row by row (hashed in order, so neither store is held in memory). Fails loudly.
{
  const require = createRequire(import.meta.url);
  const Sqlite = require('better-sqlite3');
  const into = path.join(dir, 'roundtrip.db');
  execFileSync(process.execPath, [bin, '--db', into, 'import', archives['20,000']], { stdio: 'ignore', env });
  /** Each table's rows in order, hashed: what an import cannot keep left out (see roundtrip.property.test.ts). */
  const digest = (file) => {
    const db = new Sqlite(file, { readonly: true, fileMustExist: true });
    try {
      const out = {};
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      for (const t of tables) {
        if (['journal', 'undo_log', 'sqlite_sequence'].includes(t)) continue;
        // Settings by name; needs and answers to expand on in their order within each application
        // and kind (the archive carries their texts, not their ids and UUIDs).
        const order = t === 'settings' ? 'key' : t === 'facts' ? 'application_id, kind, id' : 'rowid';
        const hash = crypto.createHash('sha256');
        let rows = 0;
        for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).iterate()) {
          delete row.created_at;
          if (t === 'facts') {
            delete row.id;
            delete row.uuid;
          }
          hash.update(JSON.stringify(row));
          hash.update('\n');
          rows++;
        }
        out[t] = `${rows} rows, ${hash.digest('hex').slice(0, 16)}`;
      }
      return out;
    } finally {
      db.close();
    }
  };
  const before = digest(large.db);
  const after = digest(into);
  const tables = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const differ = tables.filter((t) => before[t] !== after[t]);
  if (differ.length > 0) {
    console.error('\nROUND TRIP FAILED: export then import of the 20,000 store changed these tables:');
    for (const t of differ) console.error(`  ${t}: exported store ${before[t] ?? 'absent'}, imported store ${after[t] ?? 'absent'}`);
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(1);
  }
  console.log(`\nRound trip (20,000): export, import into an empty store: every table the same (${tables.map((t) => `${t} ${before[t].split(',')[0]}`).join(', ')}).`);
}

// What the active work costs: the extra time of the larger two-year store over the small one,
// per application that today plans in addition.
const extra = stats.get('today (20,000)').median - stats.get('today (2,000)').median;
console.log(`Active work: ${(extra / (large.active - small.active) * 1000).toFixed(0)} µs per additional active application.`);
fs.rmSync(dir, { recursive: true, force: true });
