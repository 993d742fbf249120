// What followup prints, captured so that two builds can be compared byte for byte:
//   node scripts/snapshot.mjs --stores DIR --out DIR [--bin bin/followup]
// The stores (the demo's and a seeded one of 2,000 applications) are made in --stores the first
// time and reused afterwards, so that a second build reads exactly the same records. Then
// `diff -r before after` shows every difference (none, after a change that keeps behaviour).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const bin = resolve(option('--bin', 'bin/followup'));
const storesDir = option('--stores');
const outDir = option('--out');
if (!storesDir || !outDir) {
  console.error('usage: node scripts/snapshot.mjs --stores DIR --out DIR [--bin bin/followup]');
  process.exit(2);
}
const DAY = '2026-12-07';
const DATES = ['2026-12-07', '2026-12-12', '2026-12-15', '2027-01-11'];
const env = { ...process.env, NO_COLOR: '1', TERM: 'dumb' };
for (const key of Object.keys(env)) if (key.startsWith('FOLLOWUP_') || key === 'CI') delete env[key];
// Letters are signed from the store's settings; the user's templates folder is kept out.
env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'followup-snapshot-config-'));

function run(argv) {
  const r = spawnSync(process.execPath, [bin, ...argv], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // The calendar's DTSTAMP is the moment of the export: the one thing that differs between runs.
  const stdout = r.stdout.replace(/^DTSTAMP:\d{8}T\d{6}Z/gm, 'DTSTAMP:(export time)');
  return `exit ${r.status}\n--- stdout\n${stdout}--- stderr\n${r.stderr}`;
}

mkdirSync(storesDir, { recursive: true });
const demo = join(storesDir, 'demo.db');
const seeded = join(storesDir, 'seeded.db');
if (!existsSync(demo)) {
  const r = spawnSync(process.execPath, [bin, '--today', DAY, 'demo', '--keep', '--json'], { env, encoding: 'utf8' });
  const kept = JSON.parse(r.stdout).store;
  copyFileSync(kept, demo);
  spawnSync(process.execPath, [bin, '--db', demo, 'config', 'set', 'name', 'Alex Morgan'], { env });
  spawnSync(process.execPath, [bin, '--db', demo, 'config', 'set', 'email', 'alex@example.org'], { env });
}
if (!existsSync(seeded)) {
  spawnSync(process.execPath, ['dist/bench-seed.cjs', '--db', seeded, '--applications', '2000', '--seed', '7', '--today', DAY], { env });
  spawnSync(process.execPath, [bin, '--db', seeded, 'config', 'set', 'name', 'Alex Morgan'], { env });
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const KINDS = ['thanks', 'check-in', 'call', 'feedback', 'thank-feedback', 'share-offer', 'close-loop', 'keep-in-touch'];
for (const [name, original, ids] of [
  ['demo', demo, Array.from({ length: 8 }, (_, i) => i + 1)],
  ['seeded', seeded, Array.from({ length: 40 }, (_, i) => 1 + i * 49)],
]) {
  // A copy per run: reading migrates nothing at the same schema, but a build may write its cache.
  const work = mkdtempSync(join(tmpdir(), 'followup-snapshot-'));
  const db = join(work, 'store.db');
  copyFileSync(original, db);
  const out = (file, argv) => writeFileSync(join(outDir, `${name}.${file}`), run(['--db', db, ...argv]));
  for (const date of DATES) {
    out(`today.${date}.txt`, ['--today', date, 'today']);
    out(`today.${date}.json`, ['--today', date, 'today', '--json']);
    out(`list.${date}.json`, ['--today', date, 'list', '--json']);
    out(`list-all.${date}.txt`, ['--today', date, 'list', '--all']);
    out(`agenda.${date}.txt`, ['--today', date, 'agenda']);
    out(`ics.${date}.ics`, ['--today', date, 'export', '--format', 'ics']);
  }
  out('list-all.json', ['--today', DAY, 'list', '--all', '--json']);
  out('csv.csv', ['--today', DAY, 'export', '--format', 'csv']);
  out('report.md', ['--today', DAY, 'report', '--from', '2026-01-01', '--to', DAY]);
  for (const id of ids) {
    out(`show.${id}.json`, ['--today', DAY, 'show', String(id), '--json']);
    out(`show.${id}.txt`, ['--today', DAY, 'show', String(id)]);
    for (const kind of KINDS) out(`draft.${id}.${kind}.txt`, ['--today', DAY, 'draft', kind, String(id)]);
  }
  rmSync(work, { recursive: true, force: true });
}
rmSync(env.XDG_CONFIG_HOME, { recursive: true, force: true });
console.log(`Wrote ${outDir}`);
