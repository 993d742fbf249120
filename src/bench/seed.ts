/**
 * Realistic job-search histories for the benchmark, deterministic from a seed: a mix of stages,
 * one to three rounds, contacts, and events spread over two years, most of them closed.
 */
import { FIRST_DATE, LAST_DATE, addDays, addWorkdays, daysBetween, nextWorkday } from '../core/calendar.js';
import type { CalendarDate, EventType } from '../core/types.js';
import type { RecordInput } from '../store/store.js';

const compareDates = (a: CalendarDate, b: CalendarDate) => (a < b ? -1 : a > b ? 1 : 0);

/** A small, fast, seedable PRNG (mulberry32). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = [
  'Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Northwind', 'Contoso', 'Fabrikam', 'Tyrell', 'Wayne',
  'Stark', 'Wonka', 'Cyberdyne', 'Soylent', 'Aperture', 'Vandelay', 'Gringotts', 'Oceanic', 'Massive Dynamic',
  'Pied Piper', 'Dunder Mifflin', 'Prestige Worldwide', 'Monarch', 'Virtucon', 'Spacely', 'Cogswell',
];
const ROLES = [
  'Backend Engineer', 'Data Engineer', 'Product Analyst', 'QA Lead', 'Site Reliability Engineer',
  'Frontend Engineer', 'Engineering Manager', 'Data Scientist', 'Platform Engineer', 'Security Engineer',
];
const FIRST = ['Dana', 'Sam', 'Priya', 'Jordan', 'Ana', 'Tom', 'Marcus', 'Lea', 'Kenji', 'Zoë', 'Omar', 'Ines'];
const LAST = ['Reyes', 'Lee', 'Natarajan', 'Kim', 'Silva', 'Becker', 'Webb', 'Novak', 'Sato', 'Ünal', 'Haddad'];

export interface SeedOptions {
  applications: number;
  seed: number;
  /** The date the histories lead up to. */
  today: CalendarDate;
  /**
   * How many years the first interviews are spread over (2 unless given). The same number of
   * applications over more years is a longer history with less going on at once.
   */
  years?: number;
}

/**
 * How far a history reaches around its first interview and past today (the arranging calls
 * before it, promised dates after): the margins that keep every date in FIRST_DATE .. LAST_DATE,
 * as the store and import require.
 */
const REACH_BEFORE_DAYS = 30;
const REACH_AFTER_DAYS = 60;

/** The histories, oldest first. */
export function generateRecords(opts: SeedOptions): RecordInput[] {
  const latest = addDays(LAST_DATE, -REACH_AFTER_DAYS);
  const earliest = addDays(FIRST_DATE, REACH_BEFORE_DAYS);
  if (opts.today > latest || opts.today <= earliest) {
    throw new RangeError(`today (${opts.today}) should be after ${earliest} and at most ${latest}`);
  }
  const rand = createRandom(opts.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const chance = (p: number) => rand() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const today = opts.today;
  const upTo = (date: CalendarDate) => (date > today ? today : date);
  const records: RecordInput[] = [];
  // No history before the first date followup records, however many years are asked for.
  const span = Math.min(Math.max(1, Math.round((opts.years ?? 2) * 365)), daysBetween(earliest, today));

  for (let i = 0; i < opts.applications; i++) {
    // First interviews spread over the years before today (two by default), on working days.
    let first = nextWorkday(addDays(today, -between(1, span)), []);
    if (first > today) first = today;
    const roundCount = chance(0.6) ? 1 : chance(0.75) ? 2 : 3;
    const rounds: RecordInput['rounds'] = [];
    let date = first;
    for (let r = 0; r < roundCount && date <= today; r++) {
      const decisionBy = chance(0.7) ? addWorkdays(date, between(3, 8), []) : null;
      rounds.push({ date, time: `${String(between(9, 16)).padStart(2, '0')}:${pick(['00', '30'])}`, kind: pick(['phone', 'video', 'onsite'] as const), decisionBy, nextSteps: null, notes: chance(0.3) ? 'friendly team, long on-site' : null });
      date = addWorkdays(date, between(5, 12), []);
    }
    const last = rounds[rounds.length - 1];
    const age = Math.round((Date.parse(today) - Date.parse(last.date)) / 86_400_000);

    const manager = person();
    const contacts: RecordInput['contacts'] = [];
    if (chance(0.85)) {
      contacts.push({
        name: manager,
        role: 'hiring-manager',
        phone: chance(0.8) ? `+1 555 ${String(between(0, 9999)).padStart(4, '0')}` : null,
        email: chance(0.7) ? `${manager.split(' ')[0].toLowerCase()}@example.com` : null,
      });
    }
    if (chance(0.5)) contacts.push({ name: person(), role: 'hr', email: 'talent@example.com', phone: null });
    for (let k = between(1, 2); k > 0; k--) contacts.push({ name: person(), role: 'interviewer' });

    const events: RecordInput['events'] = [];
    const log = (type: EventType, on: CalendarDate, extra: Partial<RecordInput['events'][number]> = {}) => {
      if (on <= today) events.push({ type, date: on, ...extra });
    };
    // Around each round: the calls and emails that arranged it, the thank-you, and between rounds
    // the chase and the conversation that led to the next one (about twenty events in all).
    rounds.forEach((r, k) => {
      for (let n = between(6, 12); n > 0; n--) {
        log(pick(['emailed', 'spoke'] as const), addWorkdays(r.date, -between(1, 9), []), { note: 'arranging the interview' });
      }
      if (chance(0.9)) log('thanks-sent', upTo(addWorkdays(r.date, between(0, 1), [])));
      const next = rounds[k + 1];
      if (next) {
        const d = r.decisionBy ?? addWorkdays(r.date, 5, []);
        let c = addWorkdays(d, 1, []);
        for (let a = between(0, 3); a > 0 && c < next.date; a--) {
          log(pick(['no-answer', 'voicemail', 'emailed'] as const), c);
          c = nextWorkday(addDays(c, between(3, 4)), []);
        }
        if (c < next.date) log('spoke', c, { note: 'invited to the next round' });
      }
    });

    // The stage: recent interviews are mostly still active; older ones have ended one way or
    // another (the offers too: an offer in hand ends a search, so none is recent).
    const recent = age <= 30;
    const roll = rand();
    const stage = recent
      ? roll < 0.82 ? 'active' : roll < 0.95 ? 'rejected' : 'withdrawn'
      : roll < 0.45 ? 'rejected' : roll < 0.75 ? 'no-response' : roll < 0.92 || age < 120 ? 'withdrawn' : 'offer';
    const decision = last.decisionBy ?? addWorkdays(last.date, 5, []);
    // Chases after the decision date, three or four days apart.
    const attempts = stage === 'no-response' ? 4 : stage === 'active' ? between(0, 3) : between(0, 2);
    let chase = addWorkdays(decision, 1, []);
    for (let a = 0; a < attempts && chase <= today; a++) {
      log(pick(['no-answer', 'voicemail', 'emailed'] as const), chase);
      chase = nextWorkday(addDays(chase, between(3, 4)), []);
    }
    if (stage === 'active' && chance(0.2)) log('spoke', upTo(chase), { newDate: addWorkdays(chase, between(2, 6), []) });

    const record: RecordInput = {
      company: `${pick(COMPANIES)}${chance(0.5) ? ` ${between(2, 99)}` : ''}`,
      role: pick(ROLES),
      why: chance(0.5) ? 'the product is one I use every day' : null,
      rounds,
      contacts,
      needs: chance(0.6) ? ['Postgres on-call :: two years on the pager', 'mentoring'] : [],
      expand: [],
      events,
    };
    if (stage === 'no-response') {
      const closed = upTo(chase);
      log('loop-closed', closed);
      // Keep-in-touch follows a no-response close until the user records withdrawn (cadence rule
      // 6): someone who has used followup for a while withdrew from most when it came round, and
      // keeps in touch with one in ten of the last two years' (as with rejections, not with those
      // from years back). Decided without drawing a random number, so that the rest of the seeded
      // store stays as it was.
      const due = nextWorkday(addDays(closed, 90), []);
      if (due < today) {
        if (records.length % 10 !== 0 || age > 730) {
          record.outcome = 'withdrawn';
          record.outcomeDate = due;
        } else {
          const every = 80 + ((records.length * 7919) % 16);
          for (let k = due; k < addDays(today, -20); k = nextWorkday(addDays(k, every), [])) log('kept-in-touch', k);
        }
      }
    } else if (stage !== 'active') {
      const outcomeDate = upTo(addWorkdays(decision, between(0, 10), []));
      record.outcome = stage;
      record.outcomeDate = outcomeDate;
      if (stage === 'rejected') {
        // Someone who has used followup for a while has acted on the old items: feedback asked,
        // feedback thanked for, and keep-in-touch kept up only with the few companies they like.
        if (!recent || chance(0.6)) log('feedback-asked', upTo(addWorkdays(outcomeDate, 1, [])));
        if (chance(0.4)) {
          const f = upTo(addWorkdays(outcomeDate, between(3, 8), []));
          log('feedback-received', f, { note: 'more depth on system design' });
          if (!recent || chance(0.5)) log('thanks-sent', upTo(addWorkdays(f, 1, [])));
        }
        // Keeping in touch is for the few companies one still wants to work for, and fewer still
        // from years back: a long history does not mean courting ever more of them.
        record.notInterested = !recent && chance(age > 730 ? 0.99 : 0.9);
        if (!record.notInterested) {
          for (let k = addDays(outcomeDate, between(80, 95)); k < addDays(today, -20); k = addDays(k, between(80, 95))) {
            log('kept-in-touch', nextWorkday(k, []));
          }
        }
      }
    }
    events.sort((a, b) => compareDates(a.date, b.date));
    records.push(record);
  }
  // Oldest first, as a real store grows: applications are added as the interviews happen, so
  // the ids follow the dates and the active ones are the newest.
  return records
    .map((record, order) => ({ record, order }))
    .sort((a, b) => compareDates(a.record.rounds[0].date, b.record.rounds[0].date) || a.order - b.order)
    .map((r) => r.record);
}
