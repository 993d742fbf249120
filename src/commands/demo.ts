/** `followup demo`: a realistic week in a temporary store, so a newcomer sees the list at work. */
import fs from 'node:fs';
import path from 'node:path';
import { planToday } from '../core/cadence.js';
import { addWorkdays, formatDay, nextWorkday } from '../core/calendar.js';
import type { CalendarDate } from '../core/types.js';
import type { Context } from '../context.js';
import { Store, type EventInput, type InterviewInput } from '../store/store.js';
import { renderToday } from '../ui/today-view.js';
import { itemJson, waitingJson } from '../words/plan.js';

import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The flags of `demo`. */
function flags(cmd: NewCommand) {
  return cmd
    .option('--json', 'print the plan as JSON')
    .option('--keep', 'keep the temporary store and say where it is');
}

export type DemoOptions = OptionsOf<typeof flags>;

/** Register `demo`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((opts, c) => runDemo(contextFor(c), opts));
}

interface DemoApplication {
  interview: InterviewInput;
  events: EventInput[];
  outcome?: { outcome: 'rejected'; date: CalendarDate };
}

/** A job search in full swing, dated relative to the given working day. */
export function demoApplications(day: CalendarDate): DemoApplication[] {
  const wd = (n: number) => addWorkdays(day, n, []);
  const base = { time: null, nextSteps: null, notes: null, why: null, expand: [] as string[] };
  return [
    {
      interview: {
        ...base,
        company: 'Acme Corp',
        role: 'Backend Engineer',
        date: wd(-7),
        time: '10:00',
        kind: 'video',
        decisionBy: wd(-4),
        nextSteps: 'Dana decides after the last candidate',
        why: 'your payments platform is the kind of system I want to spend years on',
        contacts: [
          { name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100', email: 'dana.reyes@acme.example' },
          { name: 'Priya Natarajan', role: 'interviewer' },
          { name: 'Sam Lee', role: 'hr', email: 'sam.lee@acme.example' },
        ],
        needs: ['on-call experience with Postgres', 'mentoring junior engineers'],
      },
      events: [
        { type: 'thanks-sent', date: wd(-6) },
        { type: 'no-answer', date: wd(-3) },
      ],
    },
    {
      interview: {
        ...base,
        company: 'Northwind Analytics',
        role: 'Data Engineer',
        date: day,
        time: '09:30',
        kind: 'onsite',
        decisionBy: wd(6),
        contacts: [
          { name: 'Ana Silva', role: 'hiring-manager', phone: '+1 555 0142', email: 'ana@northwind.example' },
          { name: 'Tom Becker', role: 'interviewer' },
        ],
        needs: ['someone to own the nightly pipelines'],
      },
      events: [],
    },
    {
      interview: {
        ...base,
        company: 'Globex',
        role: 'Product Analyst',
        date: wd(-8),
        kind: 'phone',
        decisionBy: null,
        contacts: [{ name: 'Jordan Kim', role: 'hr', phone: '+1 555 0177', email: 'jordan.kim@globex.example' }],
        needs: [],
      },
      events: [{ type: 'thanks-sent', date: wd(-8) }],
    },
    {
      interview: {
        ...base,
        company: 'Initech',
        role: 'QA Lead',
        date: wd(-2),
        kind: 'video',
        decisionBy: wd(3),
        contacts: [{ name: 'Bill Lumbergh', role: 'hiring-manager', phone: '+1 555 0199' }],
        needs: [],
      },
      events: [{ type: 'thanks-sent', date: wd(-2) }],
    },
    {
      interview: {
        ...base,
        company: 'Umbrella Health',
        role: 'Site Reliability Engineer',
        date: wd(-10),
        kind: 'onsite',
        decisionBy: wd(-5),
        contacts: [{ name: 'Marcus Webb', role: 'hiring-manager', email: 'm.webb@umbrella.example' }],
        needs: [],
      },
      events: [
        { type: 'thanks-sent', date: wd(-9) },
        { type: 'spoke', date: wd(-1), withName: 'Marcus Webb', note: 'went with an internal candidate' },
      ],
      outcome: { outcome: 'rejected', date: wd(-1) },
    },
    {
      interview: {
        ...base,
        company: 'Hooli',
        role: 'Frontend Engineer',
        date: wd(-20),
        kind: 'video',
        decisionBy: wd(-15),
        contacts: [{ name: 'Gavin Belson', role: 'hiring-manager', phone: '+1 555 0123', email: 'gavin@hooli.example' }],
        needs: [],
      },
      events: [
        { type: 'thanks-sent', date: wd(-19) },
        { type: 'no-answer', date: wd(-14) },
        { type: 'voicemail', date: wd(-11) },
        { type: 'voicemail', date: wd(-8) },
        { type: 'emailed', date: wd(-5) },
      ],
    },
  ];
}

/** Fill a store with the demo applications through the store's own writes. */
export function fillDemoStore(store: Store, day: CalendarDate): void {
  for (const demo of demoApplications(day)) {
    const { id } = store.addInterview(demo.interview);
    for (const event of demo.events) store.addEvent(id, event);
    if (demo.outcome) store.setOutcome(id, demo.outcome.outcome, demo.outcome.date, null, false);
  }
}

/** Build the demo store in a temporary folder and show its morning list. */
export function runDemo(ctx: Context, opts: DemoOptions): void {
  const dir = fs.mkdtempSync(path.join(ctx.tempDir, 'followup-demo-'));
  const file = path.join(dir, 'demo.db');
  const day = nextWorkday(ctx.today, []);
  const store = Store.open({ file, explicit: true });
  try {
    fillDemoStore(store, day);
    const config = store.getConfig();
    const apps = store.listPlanned(day, config.keepInTouchDays);
    const plan = planToday(apps, config, day, store.listLatestOffers());
    if (opts.json) {
      ctx.output.json({
        store: opts.keep ? file : null,
        date: plan.date,
        workday: plan.workday,
        items: plan.items.map((i) => itemJson(i, plan.date)),
        waiting: plan.waiting.map((w) => waitingJson(w, plan.date)),
        nextWorkday: plan.nextWorkday,
        linedUp: plan.linedUp,
      });
    } else {
      ctx.output.err(
        'A sample job search in a temporary store (your own store is not touched)' +
          (day === ctx.today ? '.' : `, planned for ${formatDay(day)}, the next working day.`),
      );
      ctx.output.out(renderToday(plan, ctx.output.styles, ctx.output.columns));
      ctx.output.err(
        opts.keep
          ? `\nThe demo store is kept at ${file}; try: followup --db ${file} --today ${day} show 1`
          : '\nStart your own: followup add   (run `followup demo --keep` to explore the sample store)',
      );
    }
  } finally {
    store.close();
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}
