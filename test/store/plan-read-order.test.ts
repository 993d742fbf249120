/**
 * listPlanned and listPlans read each table as one flat document whose rows come in the order the
 * indexes give; the store checks that order and sorts when it does not hold. Here the index
 * order differs from the order the rules need: two events on one day whose types sort the other
 * way round from the order they were logged in (the events index is by date and type), and
 * contacts moved so that their position no longer follows their id.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { planToday } from '../../src/core/cadence.js';
import { Store } from '../../src/store/store.js';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-plan-order-'));
  store = Store.open({ file: path.join(dir, 'followup.db'), explicit: true });
});

afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('rows the indexes give out of order are read in the order the rules need', () => {
  const [a, b] = store.insertRecords(
    [
      {
        company: 'Acme', role: 'Engineer', rounds: [{ date: '2026-11-20', decisionBy: '2026-11-25' }],
        contacts: [
          { name: 'Ana Ruiz', role: 'hr', email: 'ana@acme.example' },
          { name: 'Dana Reyes', role: 'hiring-manager', phone: '555-0100' },
          { name: 'Sam Lee', role: 'interviewer' },
        ],
        needs: [], expand: [],
        // Logged in this order on one day: voicemail first (the lower id), then an email; the
        // index holds emailed before voicemail.
        events: [
          { type: 'voicemail', date: '2026-11-30' },
          { type: 'emailed', date: '2026-11-30' },
          { type: 'no-answer', date: '2026-11-27' },
        ],
      },
      {
        company: 'Globex', role: 'Analyst', rounds: [{ date: '2026-11-23' }],
        contacts: [{ name: 'Kim Park', role: 'recruiter', phone: '555-0101' }],
        needs: [], expand: [], events: [],
      },
    ],
    { journal: false, summary: 'test records' },
  );
  // Contacts moved: the last one recorded comes first now (outside the store: its journal paused).
  const db = new Sqlite(store.file);
  db.exec(`UPDATE journal_state SET suspended = 1;
    UPDATE contacts SET position = 10 - position WHERE application_id = ${a};
    UPDATE journal_state SET suspended = 0;`);
  db.close();

  const full = store.listApplications('all');
  const wanted = full.map((app) => ({
    id: app.id,
    contacts: app.contacts.map((c) => c.name),
    events: [...app.events].sort((x, y) => (x.date === y.date ? x.id - y.id : x.date < y.date ? -1 : 1)).map((e) => e.id),
  }));
  expect(wanted[0].contacts).toEqual(['Sam Lee', 'Dana Reyes', 'Ana Ruiz']);
  const [voicemail, emailed] = full[0].events.filter((e) => e.date === '2026-11-30').map((e) => e.id).sort((x, y) => x - y);
  expect(wanted[0].events.slice(1)).toEqual([voicemail, emailed]);

  for (const read of [store.listPlanned('2026-12-07', 90), store.listPlans('all', '2026-12-07'), store.listPlans('active', '2026-12-07')]) {
    expect(read.map((app) => ({ id: app.id, contacts: app.contacts.map((c) => c.name), events: app.events.map((e) => e.id) }))).toEqual(wanted);
  }
  expect([a, b]).toEqual(full.map((app) => app.id));

  // And the plan says the same as the plan from the whole records.
  const config = store.getConfig();
  expect(planToday(store.listPlanned('2026-12-07', config.keepInTouchDays), config, '2026-12-07', store.listLatestOffers('2026-12-07'))).toEqual(
    planToday(full, config, '2026-12-07'),
  );
});
