/**
 * Build dist/ once when it is missing (`npm test` builds before vitest; a bare
 * `npx vitest run test/e2e` on a fresh clone may not have). Test files run in parallel, so one
 * builds under a lock folder and the others wait for it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'cli.cjs');
const LOCK = path.join(ROOT, 'dist', '.test-build-lock');

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Make sure the built binary exists before a test runs it. */
export function ensureBuilt(): void {
  if (fs.existsSync(BUNDLE)) return;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  let mine = false;
  try {
    fs.mkdirSync(LOCK);
    mine = true;
  } catch {
    // Another test file is building.
  }
  if (mine) {
    try {
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const r = spawnSync(npm, ['run', 'build'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  } else {
    const deadline = Date.now() + 60_000;
    while (fs.existsSync(LOCK) && Date.now() < deadline) sleep(100);
  }
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing; run npm run build`);
}
