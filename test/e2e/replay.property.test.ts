/**
 * cadence.md's "what was known on day T" end to end (issue 13, Done when): a random job search is
 * typed day by day through the CLI (in this process), each record on its own day with --today;
 * what `today --json`, `list --all --json`, `agenda --json` and `show N --json`'s next steps said
 * at the end of each day is kept. At the end, `--today D` for every day D against the final store
 * must say exactly the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, OUTCOMES } from '../../src/core/types.js';
import { addDays } from '../../src/core/calendar.js';
import { parseJson, sandboxes, type Sandbox } from './helpers.js';

const sandbox = sandboxes();

const START = '2026-11-02'; // a Monday
const DAYS = 24;

const action = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      company: fc.integer({ min: 0, max: 4 }),
      ahead: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 })),
      decision: fc.option(fc.integer({ min: 1, max: 8 })),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('log' as const),
      app: fc.nat(),
      type: fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...EVENT_TYPES.filter((t) => t !== 'loop-closed')) },
        { weight: 1, arbitrary: fc.constant('loop-closed' as const) },
      ),
      newDate: fc.option(fc.integer({ min: 1, max: 8 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('outcome' as const),
      app: fc.nat(),
      outcome: fc.constantFrom(...OUTCOMES),
      replace: fc.boolean(),
      notInterested: fc.boolean(),
    }),
  },
  // A hiring manager learned later (the Hank Scorpio): known from that day on.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hire' as const), app: fc.nat() }) },
);

type Action = typeof action extends fc.Arbitrary<infer T> ? T : never;

/** The arguments of one action on day `day`, or null when there is no application to act on yet. */
function argsOf(a: Action, day: string, apps: { id: number; company: number }[]): string[] | null {
  if (a.kind === 'add') {
    const date = addDays(day, a.ahead);
    const args = ['add', '--company', `Company ${a.company}`, '--role', 'Engineer', '--date', date,
      '--hr', `Hannah ${a.company}`, '--hr-email', `hr${a.company}@example.com`];
    // Even companies name their hiring manager at the interview; odd ones only later (hire).
    if (a.company % 2 === 0) args.push('--hiring-manager', `Dana ${a.company}`, '--phone', `+1 555 010${a.company}`);
    if (a.decision !== null) args.push('--decision-by', addDays(date, a.decision));
    return [...args, '--json'];
  }
  if (apps.length === 0) return null;
  const app = apps[a.app % apps.length];
  if (a.kind === 'log') {
    const args = ['log', String(app.id), a.type];
    if (a.type === 'spoke' && a.newDate !== null) args.push('--new-date', addDays(day, a.newDate));
    return args;
  }
  if (a.kind === 'outcome') {
    const args = ['outcome', String(app.id), a.outcome];
    if (a.replace) args.push('--replace');
    if (a.outcome === 'rejected' && a.notInterested) args.push('--not-interested');
    return args;
  }
  if (app.company % 2 === 0) return null;
  return ['edit', String(app.id), '--hiring-manager', `Hank ${app.company}`, '--phone', `+1 555 019${app.company}`];
}

/** Everything the plan says on `day` (as --today), as text to compare. */
async function said(s: Sandbox, day: string, ids: number[]): Promise<Record<string, unknown>> {
  const out = async (args: string[]) => parseJson((await s.ok(args, { today: day })).stdout);
  const shown: Record<string, unknown> = {};
  const listed = (await out(['list', '--all', '--json'])) as { id: number }[];
  for (const id of ids) {
    // show prints every record; its next steps are the plan, and the plan is what replays.
    if (listed.some((a) => a.id === id)) shown[id] = ((await out(['show', String(id), '--json'])) as { next: unknown }).next;
  }
  return {
    today: await out(['today', '--json']),
    list: listed,
    active: await out(['list', '--json']),
    agenda: await out(['agenda', '--days', '7', '--json']),
    shown,
  };
}

describe('replaying a past day (--today) says what was said that day', () => {
  it('a random search typed day by day, then replayed against the final store', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(action, { maxLength: 3 }), { minLength: DAYS, maxLength: DAYS }), async (plan) => {
        const s = sandbox(START);
        // A short keep-in-touch timer, so that it comes round within the search.
        await s.ok(['config', 'set', 'keepInTouchDays', '7']);
        const apps: { id: number; company: number }[] = [];
        const snapshots: Record<string, unknown>[] = [];
        let written = 0;
        for (let d = 0; d < DAYS; d++) {
          const day = addDays(START, d);
          for (const a of plan[d]) {
            const args = argsOf(a, day, apps);
            if (!args) continue;
            const r = await s.run(args, { today: day });
            // A refusal (exit 2: a second outcome without --replace, say) writes nothing.
            expect([0, 2], `${day}: followup ${args.join(' ')}\n${r.stderr}`).toContain(r.status);
            if (r.status !== 0) continue;
            written++;
            if (a.kind === 'add') {
              const added = parseJson<{ id: number }>(r.stdout);
              if (!apps.some((x) => x.id === added.id)) apps.push({ id: added.id, company: a.company });
            }
          }
          snapshots.push(await said(s, day, apps.map((x) => x.id)));
        }
        expect(written).toBeGreaterThan(0);
        for (let d = 0; d < DAYS; d++) {
          const day = addDays(START, d);
          expect(await said(s, day, apps.map((x) => x.id)), `replayed ${day}`).toEqual(snapshots[d]);
        }
      }),
      { numRuns: 4 },
    );
  }, 60_000);
});
