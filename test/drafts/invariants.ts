/**
 * What every letter must satisfy whatever the record (issue 12, "Done when"), as checks shared by
 * the matrix test and the property test: no sentence said twice, no doubled punctuation, no
 * honorific taken for a first name, every date and every count equal to the records, no offer
 * mentioned unless one is recorded (and, outside share-offer, shared), and each kind refused
 * without its premise. Each check returns the problems it found (an empty list when clean).
 */
import { attemptsOf, chaseState, latestRound } from '../../src/core/cadence.js';
import { maxDate } from '../../src/core/calendar.js';
import { DEFAULT_SETTINGS, statusOf, type Application, type CalendarDate } from '../../src/core/types.js';
import { parseNeed, type DraftKind, type OfferFact } from '../../src/drafts/data.js';
import { elapsedText, triesText } from '../../src/words/plan.js';
import type { Scene } from './helpers.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A date named in a letter, where, and the weekday given with it (or null). */
export interface NamedDate {
  date: CalendarDate;
  weekday: string | null;
  text: string;
  index: number;
}

function weekdayOf(date: CalendarDate): string {
  return WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()];
}

const pad = (n: string | number) => String(n).padStart(2, '0');

/**
 * Every date a letter names: "Monday 30 November", "7, 11 and 15 December 2026", "Mon 7 Dec"
 * (a date without a year is in the year of `today`, as the letters write them).
 */
export function datesNamed(text: string, today: CalendarDate): NamedDate[] {
  const found: NamedDate[] = [];
  const long = new RegExp(
    `\\b(?:(${WEEKDAYS.join('|')}) )?(\\d{1,2}(?:, \\d{1,2})*(?: and \\d{1,2})?) (${MONTHS.join('|')})(?: (\\d{4}))?\\b`,
    'g',
  );
  for (const m of text.matchAll(long)) {
    const month = pad(MONTHS.indexOf(m[3]) + 1);
    const year = m[4] ?? today.slice(0, 4);
    for (const day of m[2].split(/, | and /)) {
      found.push({ date: `${year}-${month}-${pad(day)}`, weekday: m[1] ?? null, text: m[0], index: m.index! });
    }
  }
  const short = new RegExp(`\\b(${WEEKDAYS.map((w) => w.slice(0, 3)).join('|')}) (\\d{1,2}) (${MONTHS.map((x) => x.slice(0, 3)).join('|')})(?: (\\d{4}))?\\b`, 'g');
  for (const m of text.matchAll(short)) {
    const month = pad(MONTHS.findIndex((x) => x.startsWith(m[3])) + 1);
    const weekday = WEEKDAYS.find((w) => w.startsWith(m[1]))!;
    found.push({ date: `${m[4] ?? today.slice(0, 4)}-${month}-${pad(m[2])}`, weekday, text: m[0], index: m.index! });
  }
  return found;
}

/**
 * What was known on the scene's day: events and an outcome dated after it are not; an outcome
 * dated after it gives way to the one of its history that stood then (an offer declined later).
 */
export function knownOf(scene: Scene): Application {
  const { app, today } = scene;
  const outcomeKnown = app.outcome !== null && app.outcomeDate !== null && app.outcomeDate <= today;
  const stood = outcomeKnown
    ? null
    : [...(app.pastOutcomes ?? [])].reverse().find((p) => p.date !== null && p.date <= today && p.replacedOn > today) ?? null;
  return {
    ...app,
    events: app.events.filter((e) => e.date <= today),
    outcome: outcomeKnown ? app.outcome : (stood?.outcome ?? null),
    outcomeDate: outcomeKnown ? app.outcomeDate : (stood?.date ?? null),
    respondBy: outcomeKnown ? (app.respondBy ?? null) : (stood?.respondBy ?? null),
    pastOutcomes: (app.pastOutcomes ?? []).filter((p) => p.replacedOn <= today),
  };
}

/** The offer recorded elsewhere by the scene's day, or null. */
function offerOf(scene: Scene): OfferFact | null {
  return scene.offer && scene.offer.date <= scene.today ? scene.offer : null;
}

/** How an offer was answered by the scene's day, or null while it is open. */
function answerOf(offer: OfferFact | null, today: CalendarDate): 'accepted' | 'declined' | null {
  return offer?.answer && offer.answer.date <= today ? offer.answer.outcome : null;
}

/** The offer accepted elsewhere by the scene's day (the scene's acceptance, or the offer elsewhere if accepted), or null. */
export function acceptedOf(scene: Scene): OfferFact | null {
  return [scene.accepted ?? null, scene.offer ?? null].find((o) => answerOf(o, scene.today) === 'accepted') ?? null;
}

const OPEN_DECISION: DraftKind[] = ['thanks', 'check-in', 'call', 'share-offer', 'close-loop'];

/** Whether a kind's premise is recorded (issue 12: what each letter presupposes). */
export function premiseHolds(kind: DraftKind, scene: Scene): boolean {
  const known = knownOf(scene);
  const held = latestRound({ rounds: known.rounds.filter((r) => r.date <= scene.today) });
  const status = statusOf(known);
  if (!['share-offer', 'withdraw', 'decline'].includes(kind) && !held) return false;
  if (OPEN_DECISION.includes(kind) && known.outcome !== null) return false;
  // Once an offer elsewhere is accepted, no letter says the user is still waiting on this one (rule 16).
  if (OPEN_DECISION.includes(kind) && acceptedOf(scene)) return false;
  if (kind === 'withdraw' && (status !== 'active' || !acceptedOf(scene))) return false;
  if (kind === 'decline' && status !== 'offer' && status !== 'declined') return false;
  if ((kind === 'feedback' || kind === 'thank-feedback') && known.outcome !== 'rejected') return false;
  if (kind === 'thank-feedback' && !known.events.some((e) => e.type === 'feedback-received')) return false;
  if (kind === 'keep-in-touch' && !['rejected', 'withdrawn', 'no-response'].includes(status)) return false;
  if (kind === 'close-loop') {
    const state = chaseState(known, DEFAULT_SETTINGS)!;
    if (state.round.date > scene.today || state.attempts.length === 0) return false;
  }
  if (kind === 'share-offer' && !offerOf(scene)) return false;
  return true;
}

/**
 * The sentences of a letter, without list markers, quotes, command lines and the signature; a list
 * item "- label: text" counts its text as a sentence of its own (so filler repeated under each
 * label is found).
 */
export function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !/^\s*followup /.test(line) && !/^(Subject|Dear|Call script):/.test(line))
    .flatMap((line) => (/^\s*- [^:"]+: /.test(line) ? line.replace(/^\s*- [^:"]+: /, '') : line.replace(/^\s*-\s*/, '')))
    .flatMap((line) => line.split(/(?<=[.?!])(?<!\b(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.)\s+/))
    .map((s) => s.replace(/^["(\s]+|["):\s]+$/g, '').trim())
    .filter((s) => /\s/.test(s));
}

/** Sentences said more than once. */
export function repeatedSentences(text: string): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const s of sentencesOf(text)) {
    if (seen.has(s)) twice.push(s);
    seen.add(s);
  }
  return twice;
}

/** Doubled or stray punctuation: "..", "!.", "?.", ",.", " ," (an ellipsis "..." is fine). */
export function doubledPunctuation(text: string): string[] {
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    const plain = line.replace(/\.\.\./g, '\u2026');
    for (const bad of ['..', '!.', '?.', ',.', ' ,', ',,']) if (plain.includes(bad)) problems.push(`${JSON.stringify(bad)} in ${JSON.stringify(line)}`);
  }
  return problems;
}

/** An honorific where a name should be: "Dear Dr.,", "Hi Ms.,", "Hello Prof ,". */
export function honorificAsName(text: string): string[] {
  return [...text.matchAll(/\b(Dear|Hi|Hello)\s+(Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s*,/gi)].map((m) => m[0]);
}

/** Every piece of text the user typed for this scene (as typed, and as a letter would set it). */
function userTexts(scene: Scene): string[] {
  const { app, me } = scene;
  const texts: (string | null | undefined)[] = [
    app.company, app.role, app.why, ...app.expand, scene.reason, me.name, me.email, me.phone,
    ...app.needs.flatMap((n) => {
      const p = parseNeed(n);
      return [p.text, p.fit];
    }),
    ...app.contacts.flatMap((c) => [c.name, c.phone, c.email, c.topic]),
    ...app.rounds.flatMap((r) => [r.nextSteps, r.notes, r.time]),
    ...app.events.flatMap((e) => [e.note, e.takeaway, e.withName]),
  ];
  const out = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    const bare = t.trim().replace(/[.!?\u2026\s]+$/, '');
    if (bare === '') continue;
    out.add(bare);
    out.add(bare.charAt(0).toUpperCase() + bare.slice(1));
  }
  // Longest first, so that a text is taken out before a shorter one inside it.
  return [...out].sort((a, b) => b.length - a.length);
}

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** Numbers in the letters that count nothing recorded: a pronoun, an invitation, a question. */
const NOT_COUNTS = [/\bthe one (?:I|you) would most like\b/g, /\bone step\b/g, /\bone thing you would suggest\b/g, /\b15-minute call\b/g, /\bone(?=[,.?!])/g];

/**
 * The dates and counts of a letter against the records: every date named is one recorded that day
 * (an interview held, an event, the outcome, the offer, a decision date they gave, today), with its
 * right weekday, and the dates that cite a kind of event cite one of that kind; every number (in
 * words or digits) is a count of something recorded and equals it: the additions, the questions
 * asked, the tries (as the plan counts them), the time since the last contact. User text and
 * command lines are left out: their numbers are the user's own.
 */
export function recordProblems(kind: DraftKind, scene: Scene, text: string): string[] {
  const problems: string[] = [];
  const { today } = scene;
  const known = knownOf(scene);
  const offer = offerOf(scene);
  const dated = (type: string) => new Set(known.events.filter((e) => e.type === type).map((e) => e.date));

  // Dates.
  const recorded = new Set<CalendarDate>([today]);
  for (const r of known.rounds) {
    if (r.date <= today) recorded.add(r.date);
    if (r.decisionBy) recorded.add(r.decisionBy);
  }
  for (const e of known.events) {
    recorded.add(e.date);
    if (e.newDate) recorded.add(e.newDate);
  }
  if (known.outcomeDate) recorded.add(known.outcomeDate);
  if (offer) recorded.add(offer.date);
  // A withdrawal names the interview it cancels: a round recorded for a later day.
  const booked = new Set(kind === 'withdraw' ? known.rounds.filter((r) => r.date > today).map((r) => r.date) : []);
  for (const d of booked) recorded.add(d);
  // share-offer states the offer's deadline only while the offer is open and the deadline not past.
  const deadline = offer?.respondBy && !answerOf(offer, today) && offer.respondBy >= today ? offer.respondBy : null;
  if (deadline) recorded.add(deadline);
  const body = text
    .split('\n')
    .filter((l) => !/^\s*followup /.test(l))
    .join('\n');
  let scrubbed = body;
  for (const t of userTexts(scene)) scrubbed = scrubbed.split(t).join(' ');
  const dates = datesNamed(scrubbed, today);
  for (const d of dates) {
    if (!recorded.has(d.date)) problems.push(`${d.text} (${d.date}) is not a recorded date`);
    if (d.weekday && weekdayOf(d.date) !== d.weekday) problems.push(`${d.text}: ${d.date} is a ${weekdayOf(d.date)}`);
  }
  const cites: [RegExp, Set<CalendarDate>, string][] = [
    [/my email of ([^.,;]+)/g, dated('emailed'), 'an email'],
    [/the message I left on ([^.,;]+)/g, dated('voicemail'), 'a voicemail'],
    // "My call" is one they know of: a message was left, or we spoke; never a call nobody answered.
    [/my call of ([^.,;]+)/g, new Set([...dated('voicemail'), ...dated('spoke')]), 'a call that reached them'],
    [/I called you on ([^.,;]+?) about [^.]*, but we did not connect/g, dated('no-answer'), 'a call nobody answered'],
    [/I also called on ([^.,;]+)/g, dated('no-answer'), 'a call nobody answered'],
    [/As I mentioned on ([^.,;]+)/g, dated('offer-shared'), 'a shared offer'],
    [/(?:your feedback|the feedback I received) on ([^.,;]+)/g, dated('feedback-received'), 'feedback received'],
    [/received a job offer(?: from [^.]+?)? on ([^.,;]+)/g, new Set(offer ? [offer.date] : []), 'the offer'],
    [/(?:talking with me|I interviewed for the [^.]+? role(?: at [^.]+?)?|interviewed for|my interview for the [^.]+? role) on ([^.,;"]+)/g, new Set(known.rounds.map((r) => r.date)), 'an interview'],
    [/the interviews? for the [^.]+? on ([^.,;"]+)/g, new Set(known.rounds.filter((r) => r.date <= today).map((r) => r.date)), 'an interview held'],
    [/the interview we arranged for ([^.,;]+)/g, booked, 'an interview booked'],
    [/need to answer it by ([^.,;]+)/g, new Set(deadline ? [deadline] : []), 'the offer\'s deadline, while it is open'],
  ];
  for (const [re, allowed, what] of cites) {
    for (const m of scrubbed.matchAll(re)) {
      const named = datesNamed(m[1], today);
      if (named.length === 0) continue;
      for (const d of named) if (!allowed.has(d.date)) problems.push(`"${m[0]}" cites ${d.date}, not the date of ${what}`);
    }
  }

  // Counts: take out what is checked, then no number may be left.
  const state = chaseState(known, DEFAULT_SETTINGS);
  const tries = state ? triesText(attemptsOf(state.attempts), today) : '';
  for (const m of text.matchAll(/\bI (?:called|wrote)(?= on | twice,| \w+ times,)[^.]*?(?= to ask|\.)/g)) {
    if (m[0] !== tries) problems.push(`tries "${m[0]}", but the plan counts "${tries}"`);
  }
  let rest = tries !== '' ? scrubbed.split(tries).join(' ') : scrubbed;
  // The dates left, taken out where they stand (last first, so that the places hold).
  const spans = datesNamed(rest, today)
    .map((d) => [d.index, d.index + d.text.length] as const)
    .sort((a, b) => b[0] - a[0]);
  let end = Infinity;
  for (const [from, to] of spans) {
    if (to > end) continue; // a list's dates share one span
    rest = `${rest.slice(0, from)} ${rest.slice(to)}`;
    end = from;
  }
  for (const re of NOT_COUNTS) rest = rest.replace(re, ' ');
  // Agreement: an introduction in the singular is followed by one thing, "each" by more than one.
  if (known.expand.length > 1 && /\b(there is something|one more thing|something I would like to add)\b/.test(rest)) {
    problems.push(`a singular introduction before ${known.expand.length} additions`);
  }
  for (const m of rest.matchAll(/\beach:\n((?:- .*\n?)+)/g)) {
    if (m[1].trim().split('\n').length < 2) problems.push(`"each" before a list of one: ${JSON.stringify(m[0])}`);
  }
  // The withdrawal's thanks agree with the interviews held: "the interview" for one day, "the interviews" for more.
  const thanked = /Thank you for the (interviews?) for the /.exec(rest);
  if (thanked) {
    const days = new Set(known.rounds.filter((r) => r.date <= today).map((r) => r.date)).size;
    if ((thanked[1] === 'interviews') !== days > 1) problems.push(`"${thanked[0]}" but ${days} interview days are recorded`);
  }
  const add = /I would like to add (\w+) things?\b/.exec(rest);
  if (add) {
    if (add[1] !== (NUMBER_WORDS[known.expand.length - 1] ?? String(known.expand.length))) {
      problems.push(`"${add[0]}" but ${known.expand.length} additions are recorded`);
    }
    rest = rest.replace(add[0], ' ');
  }
  const questions = /answers to (\w+) questions:\n((?:- .*\n)+)/.exec(rest);
  if (questions) {
    const listed = questions[2].trim().split('\n').length;
    if (questions[1] !== NUMBER_WORDS[listed - 1]) problems.push(`"${questions[1]} questions" but ${listed} are asked`);
    rest = rest.replace(`${questions[1]} questions`, ' ');
  }
  const elapsed = /It has been (.+?) since we were last in touch/.exec(rest);
  if (elapsed) {
    let last: CalendarDate | null = latestRound({ rounds: known.rounds.filter((r) => r.date <= today) })?.date ?? null;
    for (const e of known.events) last = last === null ? e.date : maxDate(last, e.date);
    if (known.outcomeDate) last = last === null ? known.outcomeDate : maxDate(last, known.outcomeDate);
    const expected = last ? elapsedText(last, today) : null;
    if (elapsed[1] !== expected) problems.push(`"${elapsed[1]}" since the last contact, but it is ${expected}`);
    rest = rest.replace(elapsed[0], ' ');
  }
  const numbers = new RegExp(`\\b(${NUMBER_WORDS.join('|')}|twice|thrice|\\d+)\\b`, 'gi');
  for (const m of rest.matchAll(numbers)) {
    const around = rest.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 30).replace(/\n/g, ' ');
    problems.push(`a number that counts nothing checked: "${m[0]}" in "...${around}..."`);
  }
  if (kind === 'share-offer' && !offer) problems.push('a share-offer letter without a recorded offer');
  return problems;
}

/**
 * Offers: none mentioned before one is recorded (cadence rule 9); outside share-offer, none before
 * it has been shared with this company (an offer-shared logged on or after the offer's date); the
 * other employer named only by share-offer --name-company.
 */
export function offerProblems(kind: DraftKind, scene: Scene, text: string): string[] {
  const known = knownOf(scene);
  const offer = offerOf(scene);
  const accepted = acceptedOf(scene);
  // An offer declined (or accepted) since is not one the user still "has": the chases stop citing it.
  const shared =
    offer !== null && !answerOf(offer, scene.today) && known.events.some((e) => e.type === 'offer-shared' && e.date >= offer.date);
  const mentions = /\b(job )?offers?\b/i.test(text.replace(/\bOffered to take a message\b/g, ''));
  const problems: string[] = [];
  if (kind === 'withdraw' || kind === 'decline') {
    // Their premise is an offer: accepted elsewhere (withdraw), or theirs (decline).
    if (!mentions) problems.push(`${kind} does not say which offer it follows`);
    const claimsAccepted = /\bI have accepted an offer\b/.test(text);
    if (claimsAccepted && !accepted) problems.push('says an offer was accepted, but no acceptance is recorded');
    if (kind === 'withdraw' && !claimsAccepted) problems.push('a withdrawal that does not say an offer was accepted');
  } else {
    if (mentions && !offer) problems.push('mentions an offer, but none is recorded');
    // Once shared, the chases say so: an employer told of an offer is not written to as if it were not.
    if (shared && !mentions && ['check-in', 'call', 'close-loop'].includes(kind)) problems.push('the offer shared with them is not mentioned');
    if (mentions && kind !== 'share-offer' && !shared) problems.push('mentions an offer not yet shared with them');
  }
  // The other employer is named only when the user asked (--name-company).
  const mayName = scene.nameCompany === true && ['share-offer', 'withdraw', 'decline'].includes(kind);
  for (const o of [offer, accepted]) {
    if (o && !mayName && o.company.length > 2 && text.includes(o.company) && !known.company.includes(o.company)) {
      problems.push(`names the other employer ${o.company}`);
    }
  }
  // The deadline: stated in share-offer exactly when one is recorded, still ahead and the offer open.
  if (kind === 'share-offer' && offer) {
    const deadline = offer.respondBy && !answerOf(offer, scene.today) && offer.respondBy >= scene.today;
    const stated = /\bneed to answer it by\b/.test(text);
    if (deadline && !stated) problems.push('the offer\'s deadline is recorded and ahead, but not stated');
    if (!deadline && stated) problems.push('states a deadline that is not recorded, passed, or for an offer already answered');
    const declined = answerOf(offer, scene.today) === 'declined';
    if (declined && !/\bwhich I have since declined\b/.test(text)) problems.push('the offer was declined, but the letter speaks of it as open');
    if (declined && /\bbefore I answer\b|\bhelp me give everyone a fair answer\b/.test(text)) problems.push('still weighing an offer already declined');
  } else if (/\bneed to answer\b/.test(text)) {
    problems.push('a deadline outside share-offer');
  }
  return problems;
}

/**
 * LinkedIn: only keep-in-touch suggests connecting there, and only when the last thing logged is
 * a letter of the user's with nothing heard since (no later event, no decision of theirs after
 * it); no letter claims a connection, since none is ever recorded.
 */
export function linkedInProblems(kind: DraftKind, scene: Scene, text: string): string[] {
  const problems: string[] = [];
  if (/\b(we are|we're|already) connected\b|\bour (LinkedIn )?connection\b|\bconnected on LinkedIn\b/i.test(text)) {
    problems.push('claims a connection that is not recorded');
  }
  const mentions = /LinkedIn/.test(text);
  if (kind !== 'keep-in-touch') {
    if (mentions) problems.push(`${kind} mentions LinkedIn`);
    return problems;
  }
  const known = knownOf(scene);
  const events = [...known.events].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
  const last = events[events.length - 1];
  const letters = ['thanks-sent', 'emailed', 'feedback-asked', 'offer-shared', 'loop-closed', 'kept-in-touch'];
  const heardAfter = (known.outcome === 'rejected' || known.outcome === 'offer') && !!last && known.outcomeDate! > last.date;
  const quiet = !!last && letters.includes(last.type) && !heardAfter;
  if (mentions && !quiet) problems.push('suggests LinkedIn although something was heard since the last letter');
  if (!mentions && quiet) problems.push('nothing heard since the last letter, but no LinkedIn suggestion');
  return problems;
}

/** A call script does not ask again what was recorded: permission to call the manager directly. */
export function askedAgain(kind: DraftKind, scene: Scene, text: string): string[] {
  if (kind !== 'call') return [];
  const manager = scene.app.contacts.find((c) => c.role === 'hiring-manager');
  if (!manager?.okToCall || !manager.phone) return [];
  return /all right (?:if I|for me to) call \S+ directly/.test(text) ? ['asks again whether calling directly is all right'] : [];
}

/** Every invariant of a rendered letter. */
export function letterInvariants(kind: DraftKind, scene: Scene, text: string): string[] {
  return [
    ...askedAgain(kind, scene, text),
    ...repeatedSentences(text).map((s) => `sentence said twice: ${s}`),
    ...doubledPunctuation(text),
    ...honorificAsName(text).map((h) => `honorific as a name: ${h}`),
    ...recordProblems(kind, scene, text),
    ...offerProblems(kind, scene, text),
    ...linkedInProblems(kind, scene, text),
  ];
}
