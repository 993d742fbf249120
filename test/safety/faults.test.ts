/**
 * Crash-and-fault loop through the built binary: writes killed midway, a full disk, a read-only
 * folder and a damaged index, one after another on the same store. Every write that followup
 * acknowledged (exit 0 with its JSON) must be there, whole; a write cut short may land or not,
 * but whole; and a refused write changes nothing.
 *
 * A small tmpfs gives the real full disk and read-only mount where this machine lets the test
 * mount one (as root, as CI here); elsewhere the store's folder is made read-only with chmod
 * and the disk is filled through SQLite's page limit, as test/safety/store-safety does.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreError } from '../../src/errors.js';
import { Store, type InterviewInput } from '../../src/store/store.js';
import { ensureBuilt } from '../support/ensure-built.js';
import { BIN, STACK_LINE, binEnv, hashFile, run, tempDir } from './harness.js';

const TODAY = '2026-11-30';
let dir: string;
let mountPoint: string | null = null;
let store: string;

const FULL_INTERVIEW: InterviewInput = {
  company: 'Full', role: 'Engineer', date: TODAY, time: null, kind: null, decisionBy: null, nextSteps: null, notes: null,
  why: null, contacts: [{ name: 'Dana Reyes', role: 'hiring-manager' }], needs: ['Postgres'], expand: [],
};

/** Companies followup acknowledged, and those whose writes were cut short (they may or may not be there). */
const acknowledged = new Set<string>();
const cutShort = new Set<string>();

function tryMount(target: string): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', target]).status === 0;
}

beforeAll(() => {
  ensureBuilt();
  dir = tempDir('followup-faults-');
  const mnt = path.join(dir, 'mnt');
  fs.mkdirSync(mnt);
  if (tryMount(mnt)) mountPoint = mnt;
  store = path.join(mnt, 'faults.db');
});

afterAll(() => {
  if (mountPoint) spawnSync('umount', ['-l', mountPoint]);
  fs.rmSync(dir, { recursive: true, force: true });
});

function add(company: string, extra: NodeJS.ProcessEnv = {}): ReturnType<typeof run> {
  const r = run(
    ['--db', store, '--today', TODAY, 'add', '--company', company, '--role', 'Engineer', '--date', TODAY,
      '--hiring-manager', 'Dana Reyes', '--phone', '+1 555 0100', '--need', 'Postgres', '--json'],
    { env: extra },
  );
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toMatch(/did not expect/);
  if (r.code === 0) {
    expect(JSON.parse(r.stdout).company).toBe(company);
    acknowledged.add(company);
  }
  return r;
}

/** Start an add and kill it at a random moment. */
function addKilled(company: string): Promise<void> {
  return new Promise((resolve) => {
    const args = ['--db', store, '--today', TODAY, 'add', '--company', company, '--role', 'Engineer', '--date', TODAY,
      '--hiring-manager', 'Dana Reyes', '--need', 'Postgres', '--json'];
    const child = spawn(process.execPath, [BIN, ...args], { env: binEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    setTimeout(() => child.kill('SIGKILL'), 30 + Math.floor(Math.random() * 70));
    child.on('close', (code) => {
      if (code === 0 && out.includes(company)) acknowledged.add(company);
      else cutShort.add(company);
      resolve();
    });
  });
}

/** Each application with its round, contact and need: whole or absent. */
function readBack(): Map<string, { rounds: number; contacts: number; needs: number }> {
  const db = new Database(store, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db
      .prepare(
        `SELECT a.company,
           (SELECT count(*) FROM rounds r WHERE r.application_id = a.id) AS rounds,
           (SELECT count(*) FROM contacts c WHERE c.application_id = a.id) AS contacts,
           (SELECT count(*) FROM facts f WHERE f.application_id = a.id) AS needs
         FROM applications a`,
      )
      .all() as { company: string; rounds: number; contacts: number; needs: number }[];
    return new Map(rows.map((r) => [r.company, r]));
  } finally {
    db.close();
  }
}

function expectAllAcknowledgedWhole(): void {
  const found = readBack();
  for (const company of acknowledged) {
    expect(found.get(company), company).toEqual({ company, rounds: 1, contacts: 1, needs: 1 });
  }
  for (const [company, row] of found) {
    expect(acknowledged.has(company) || cutShort.has(company), `${company} was never written`).toBe(true);
    expect(row).toEqual({ company, rounds: 1, contacts: 1, needs: 1 });
  }
}

describe('crash-and-fault loop', () => {
  it('acknowledged writes survive kills, a full disk, a read-only folder and a damaged index; nothing else changes', async () => {
    for (let i = 0; i < 6; i++) expect(add(`Before ${i}`).code).toBe(0);

    // Kills during writes.
    for (let i = 0; i < 8; i++) {
      await addKilled(`Killed ${i}`);
      expect(add(`After kill ${i}`).code).toBe(0);
    }
    expectAllAcknowledgedWhole();

    // A full disk: refused with exit 1 and "nothing was changed", then fine once there is room.
    const filler = path.join(path.dirname(store), 'filler');
    if (mountPoint) {
      const chunk = Buffer.alloc(64 * 1024, 1);
      const fd = fs.openSync(filler, 'w');
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (err) {
        expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        fs.closeSync(fd);
      }
      // The store may still have free pages: write until the disk refuses.
      let n = 0;
      let full: ReturnType<typeof run>;
      do full = add(`Full ${n++}`);
      while (full.code === 0 && n < 200);
      expect(full.code).toBe(1);
      expect(full.stderr).toMatch(/full.*Nothing was changed/is);
    } else {
      // No mount here: the store's page limit stands in for the disk (in-process; the binary has no such knob).
      const probe = new Database(store, { readonly: true });
      const pages = probe.pragma('page_count', { simple: true }) as number;
      probe.close();
      const capped = Store.open({ file: store, explicit: true, maxPageCount: pages });
      let error: unknown;
      try {
        for (let n = 0; n < 200; n++) {
          capped.addInterview({ ...FULL_INTERVIEW, company: `Full ${n}` });
          acknowledged.add(`Full ${n}`);
        }
      } catch (err) {
        error = err;
      } finally {
        capped.close();
      }
      expect((error as StoreError).kind).toBe('full');
    }
    fs.rmSync(filler, { force: true });
    expect(add('After full').code).toBe(0);
    expectAllAcknowledgedWhole();

    // A read-only folder (or mount): refused with exit 1, the store byte for byte; writable again afterwards.
    const before = hashFile(store);
    if (mountPoint) {
      expect(spawnSync('mount', ['-o', 'remount,ro', mountPoint]).status).toBe(0);
    } else {
      fs.chmodSync(path.dirname(store), 0o500);
      fs.chmodSync(store, 0o400);
    }
    const readOnly = add('Read-only');
    if (mountPoint) spawnSync('mount', ['-o', 'remount,rw', mountPoint]);
    else {
      fs.chmodSync(path.dirname(store), 0o700);
      fs.chmodSync(store, 0o600);
    }
    if (mountPoint || process.getuid?.() !== 0) {
      expect(readOnly.code).toBe(1);
      expect(readOnly.stderr).toMatch(/read-only|cannot be written|cannot be read/);
      expect(hashFile(store)).toBe(before);
    }
    expect(add('After read-only').code).toBe(0);
    expectAllAcknowledgedWhole();

    // A damaged index: every write refused, the file byte for byte.
    const db = new Database(store, { readonly: true });
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'applications_status'").pluck().get() as number;
    db.close();
    const fd = fs.openSync(store, 'r+');
    fs.writeSync(fd, Buffer.alloc(40, 0x41), 0, 40, root * 4096 - 40);
    fs.closeSync(fd);
    const damaged = hashFile(store);
    for (let i = 0; i < 3; i++) {
      const r = add(`Damaged ${i}`);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/damaged.*Nothing was changed/s);
    }
    expect(run(['--db', store, '--today', TODAY, 'log', '1', 'voicemail']).code).toBe(1);
    expect(hashFile(store)).toBe(damaged);
  });
});
