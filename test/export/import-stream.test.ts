/**
 * The streaming import (issue 16) checks exactly as parseArchive does: on valid archives and on
 * archives broken at random places (a field removed or replaced by any JSON value, an entry
 * repeated, a key repeated, the text cut), readArchiveFile refuses with the very message
 * parseArchive gives, or accepts and hands over the same applications, read again from the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArchive, readArchiveFile, type ArchiveApplication } from '../../src/export/archive.js';
import { UsageError } from '../../src/errors.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-import-stream-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A valid version 2 archive of `n` applications with a little of everything. */
function archive(n: number): Record<string, unknown> {
  let u = 0;
  return {
    format: 'followup',
    version: 2,
    exportedAt: '2026-12-02T09:00:00.000Z',
    settings: { name: 'Alex', maxAttempts: 3 },
    applications: Array.from({ length: n }, (_, i) => ({
      uuid: uuid(++u),
      id: i + 1,
      company: `Company ${i}`,
      role: 'Engineer',
      why: i % 2 ? 'the platform' : null,
      outcome: i % 3 === 0 ? 'offer' : null,
      outcomeDate: i % 3 === 0 ? '2026-11-20' : null,
      outcomeNote: null,
      notInterested: false,
      respondBy: i % 3 === 0 ? '2026-11-30' : null,
      rounds: [{ uuid: uuid(++u), id: i + 1, number: 1, date: '2026-11-02', time: '9:30', kind: 'video', decisionBy: null, nextSteps: null, notes: null, recordedOn: '2026-11-01' }],
      contacts: [{ uuid: uuid(++u).toUpperCase(), id: i + 1, name: 'Dana', role: 'hiring-manager', phone: '1', email: null, noCalls: false, okToCall: true, recordedOn: null, round: 1, topic: null }],
      needs: ['Go'],
      expand: [],
      events: [{ uuid: `ev-${++u}-custom`, id: i + 1, type: 'thanks-sent', date: '2026-11-03', withName: null, note: null, newDate: null, withRole: null, takeaway: null }],
      pastOutcomes: [],
    })),
  };
}

/** What each reader makes of a text: the message it refuses with, or the archive it reads. */
function outcomes(text: string): { whole: unknown; streamed: unknown } {
  const whole = (() => {
    try {
      const a = parseArchive(text, 'f.json');
      return { settings: a.settings, applications: a.applications };
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      return err.message;
    }
  })();
  const file = path.join(dir, 'f.json');
  fs.writeFileSync(file, text);
  const fd = fs.openSync(file, 'r');
  try {
    const streamed = (() => {
      try {
        const a = readArchiveFile(fd, 'f.json');
        const applications: ArchiveApplication[] = [];
        a.eachApplication((app, i) => {
          expect(i).toBe(applications.length);
          applications.push(app);
        });
        expect(a.count).toBe(applications.length);
        return { settings: a.settings, applications };
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        return err.message;
      }
    })();
    return { whole, streamed };
  } finally {
    fs.closeSync(fd);
  }
}

/** The places of a value: paths to every member and entry. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => paths((value as Record<string, unknown>)[k as never], [...at, k]))];
}

function setAt(root: Record<string, unknown>, at: (string | number)[], value: unknown, remove: boolean): void {
  let node = root as Record<string | number, unknown>;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = at[at.length - 1];
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = value;
}

describe('readArchiveFile agrees with parseArchive', () => {
  it('on valid archives of any size', () => {
    for (const n of [0, 1, 3, 50]) {
      const { whole, streamed } = outcomes(JSON.stringify(archive(n), null, 2));
      expect(typeof whole).toBe('object');
      expect(streamed).toEqual(whole);
    }
  });

  it('on archives broken at a random place (a field removed or replaced by any JSON value)', () => {
    const base = archive(4);
    const places = paths(base).filter((p) => p.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...places), fc.jsonValue({ maxDepth: 2 }), fc.boolean(), (at, value, remove) => {
        const broken = structuredClone(base);
        setAt(broken, at, value, remove);
        const { whole, streamed } = outcomes(JSON.stringify(broken));
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });

  it('on repeated UUIDs, repeated keys, a repeated list, a cut text, and too many records', () => {
    const text = JSON.stringify(archive(3));
    const a = archive(3) as { applications: { uuid: string; rounds: { uuid: string }[] }[] };
    a.applications[2].rounds[0].uuid = a.applications[0].uuid;
    const cases = [
      JSON.stringify(a),
      text.replace('"format":"followup"', '"format":"followup","format":"other"'),
      text.replace('"version":2', '"version":9,"version":2'),
      text.replace('"applications":[', '"applications":7,"applications":['),
      text.replace('"applications":[', '"applications":[{"x":1}],"applications":['),
      `${text.slice(0, -1)},"applications":{"a":1}}`,
      `${text.slice(0, -1)},"format":"no"}`,
      text.replace('"settings":{"name":"Alex","maxAttempts":3}', '"settings":{"maxAttempts":"x"}'),
      text.replace(/\]\}$/, ',{"uuid":"bad"}]}'),
      text.slice(0, 300),
      `[${text}]`,
      '"followup"',
      '',
      text.replace('"format"', '"__proto__":{"format":"followup"},"format"'),
    ];
    for (const t of cases) {
      const { whole, streamed } = outcomes(t);
      if (typeof whole === 'string' && typeof streamed === 'string' && /not valid JSON/.test(whole)) {
        // Both refuse it as JSON, each saying where in its own words.
        expect(streamed).toMatch(/^f\.json is not valid JSON \(.*(position|line) \d+.*\)\. Nothing was imported\.$/);
      } else {
        expect(streamed, t.slice(0, 120)).toEqual(whole);
      }
    }
  });
});
