/**
 * Store.listPlannedText tells `today` whether any text it read holds a character the terminal
 * must not see raw, so that the list of a thousand applications is not looked through twice. A
 * "plain" that is wrong would let a control through: each kind of such character, in each kind
 * of text the plan reads, must make it false; and `today` must still escape the company of an
 * offer elsewhere (read separately, not by listPlannedText).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sandboxes } from '../e2e/helpers.js';

const TODAY = '2026-12-07';
/** One of each kind: a C0 control (written as an escape in SQLite's JSON), DEL, a C1 control, a bidi control. */
const UNSAFE = ['\u0001', '\u001b', '\n', '\t', '\u007f', '\u009b', '\u202e', '\u2066', '\u061c'];
/** Text that looks like an escape but is none: the check may say "not plain" for it, never the other way. */
const PLAIN = ['Zoë Ødegård', '株式会社', 'O’Brien & Co.', 'a\\b'];

let dir: string;
let store: Store;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-plain-'));
  store = Store.open({ file: path.join(dir, 'followup.db'), explicit: true });
  store.insertRecords(
    [
      {
        // A second round booked ahead: its needs and answers to expand on are read too (rule 14).
        company: 'Acme', role: 'Engineer',
        rounds: [{ date: '2026-11-20', decisionBy: '2026-11-25', nextSteps: 'a take-home' }, { date: '2026-12-09', recordedOn: '2026-11-25' }],
        contacts: [{ name: 'Dana Reyes', role: 'hiring-manager', phone: '555-0100', email: 'dana@acme.example' }],
        needs: ['Go'], expand: ['scaling'], events: [],
      },
    ],
    { journal: false, summary: 'test records' },
  );
});

afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Set one column of the store's only application (or its contacts, rounds or facts) to `text`, outside the store. */
function put(where: string, text: string): void {
  const db = new Sqlite(path.join(dir, 'followup.db'));
  try {
    const [table, column] = where.split('.');
    db.exec('UPDATE journal_state SET suspended = 1');
    db.prepare(`UPDATE ${table} SET ${column} = ?`).run(text);
    db.exec('UPDATE journal_state SET suspended = 0');
  } finally {
    db.close();
  }
}

const plainText = () => store.listPlannedText(TODAY, 90, TODAY).plainText;

describe('listPlannedText', () => {
  it('says plain for plain text, accents and wide characters included', () => {
    expect(plainText()).toBe(true);
    put('applications.company', 'Zoë Ødegård 株式会社');
    expect(plainText()).toBe(true);
  });

  const fields = ['applications.company', 'applications.role', 'contacts.name', 'contacts.phone', 'contacts.email', 'rounds.next_steps', 'facts.text'];
  for (const field of fields) {
    it(`says not plain for every kind of control or bidi character in ${field}`, () => {
      for (const ch of UNSAFE) {
        put(field, `x${ch}y`);
        expect(plainText(), `U+${ch.charCodeAt(0).toString(16)} in ${field}`).toBe(false);
      }
    });
  }

  it('reads the same applications as listPlanned', () => {
    for (const text of PLAIN) {
      put('contacts.name', text);
      expect(store.listPlannedText(TODAY, 90, TODAY).apps).toEqual(store.listPlanned(TODAY, 90, TODAY));
    }
  });
});

describe('today with an offer elsewhere', () => {
  const newSandbox = sandboxes();

  it('escapes the company of an accepted offer, read apart from the planned applications', async () => {
    const sb = newSandbox('2026-12-01');
    await sb.ok(['add', '--company', 'Plain Co', '--role', 'Engineer', '--date', '2026-11-20', '--hiring-manager', 'Dana Reyes']);
    await sb.ok(['add', '--company', 'Other', '--role', 'Engineer', '--date', '2026-11-23', '--hiring-manager', 'Sam Lee']);
    await sb.ok(['outcome', '2', 'offer', '--date', '2026-11-30']);
    await sb.ok(['outcome', '2', 'accepted', '--date', '2026-12-01']);
    // Another program's edit: the accepted application's company now holds a bidi override and an ESC.
    const db = new Sqlite(sb.db);
    try {
      db.prepare("UPDATE applications SET company = 'Evil' || char(8238) || char(27) || '[2Jco' WHERE id = 2").run();
    } finally {
      db.close();
    }
    const r = await sb.ok(['today'], { today: '2026-12-02', env: { NO_COLOR: '1' } });
    expect(r.stdout).toContain('You accepted the offer from Evil<U+202E>\\e[2Jco');
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u001b\u202e]/);
  });
});
