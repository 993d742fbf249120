/**
 * A rich job search, typed through the binary in the order a person would: several applications
 * with interleaved rounds and events, contacts with and without phones, a contact who asked not
 * to be called, needs and answers to expand on, every event type, every outcome (a rejection
 * with "not interested" among them), and settings (holidays, name, a shorter keep-in-touch
 * timer). Names hold non-ASCII letters, emoji, a combining accent, commas, semicolons, quotes,
 * backslashes and HTML.
 */
import { ok } from './helpers';

export const ACME = 'Acme';
export const ANGSTROM = 'Ångström AB';
export const BOLT = 'Bolt, Inc. "Q"; \\ltd';
export const COLD = 'Cöld Brew 🍵 Co';
export const DELTA = 'Delta\\Backslash; Ltd';
export const ECHO = 'Echo & Sons Cafe\u0301';
export const SCRIPT = '<script>alert(1)</script> & Co';
export const FORMULA = '=SUM(1+1)';

export const RICH_NOTES = 'Said: "we, like; you"\\back\nsecond line 🎉';

/** Every command of the scenario: [today, ...arguments]. Dates are 2026 unless said. */
export const RICH_STEPS: readonly (readonly string[])[] = [
  ['2026-10-05', 'add', '--company', COLD, '--role', 'SRE', '--date', '2026-10-05', '--kind', 'phone',
    '--hiring-manager', "Pat O'Brien", '--phone', '+44 20 7946 0000', '--decision-by', '2026-10-09'],
  ['2026-10-06', 'log', '1', 'thanks-sent'],
  ['2026-10-12', 'add', '--company', DELTA, '--role', 'QA Engineer', '--date', '2026-10-12',
    '--hiring-manager', 'Kim Lo', '--phone', '+1 555 0199', '--decision-by', '2026-10-16'],
  ['2026-10-19', 'log', '2', 'no-answer'],
  ['2026-10-20', 'outcome', '1', 'rejected', '--note', 'went with someone, sadly; "senior"'],
  ['2026-10-21', 'log', '1', 'feedback-asked', '--with', "Pat O'Brien"],
  ['2026-10-22', 'log', '2', 'no-answer'],
  ['2026-10-27', 'log', '2', 'voicemail', '--note', 'left a message\nwith two lines'],
  ['2026-10-30', 'log', '2', 'voicemail'],
  ['2026-11-02', 'add', '--company', ACME, '--role', 'Backend Engineer', '--date', '2026-11-02', '--kind', 'video',
    '--time', '10:00', '--interviewer', 'Sam Lee', '--hiring-manager', 'Dana Reyes', '--phone', '+1 555 0100',
    '--decision-by', '2026-11-09', '--need', 'on-call experience', '--need', 'Postgres, tuning; \\vacuum',
    '--expand', 'the migration story', '--why', 'the team ships small and often', '--next-steps', 'a second round'],
  ['2026-11-03', 'add', '--company', ANGSTROM, '--role', 'Dataanalytiker', '--date', '2026-11-03', '--kind', 'onsite',
    '--hiring-manager', 'Zoë Ünal', '--email', 'zoe@angstrom.example', '--hr', 'Ola Nordmann', '--hr-phone', '+46 8 123 456',
    '--decision-by', '2026-11-10', '--notes', RICH_NOTES],
  ['2026-11-03', 'log', '3', 'thanks-sent', '--with', 'Dana Reyes'],
  ['2026-11-04', 'log', '4', 'thanks-sent'],
  ['2026-11-04', 'edit', '4', '--no-calls', '--contact', 'Zoë Ünal'],
  ['2026-11-06', 'log', '2', 'loop-closed', '--note', 'no answer after four tries'],
  ['2026-11-09', 'add', '--company', BOLT, '--role', 'Staff Engineer', '--date', '2026-11-09', '--kind', 'phone',
    '--hiring-manager', 'Chris Ng', '--email', 'chris@bolt.example', '--decision-by', '2026-11-13'],
  ['2026-11-10', 'log', '5', 'thanks-sent'],
  ['2026-11-11', 'log', '4', 'emailed', '--with', 'Zoë Ünal', '--note', 'no news, yet'],
  ['2026-11-12', 'add', '--company', ECHO, '--role', 'Product Manager', '--date', '2026-11-12',
    '--hr', 'Mo Diaz', '--hr-email', 'mo@echo.example'],
  ['2026-11-16', 'add', '--company', ACME, '--role', 'Backend Engineer', '--date', '2026-11-16', '--kind', 'onsite',
    '--time', '14:30', '--decision-by', '2026-11-20', '--interviewer', 'Ravi Iyer'],
  ['2026-11-16', 'log', '5', 'emailed', '--with', 'Chris Ng'],
  ['2026-11-17', 'log', '3', 'thanks-sent'],
  ['2026-11-18', 'outcome', '4', 'rejected', '--note', 'went with internal', '--not-interested'],
  ['2026-11-19', 'log', '4', 'feedback-asked'],
  ['2026-11-20', 'outcome', '6', 'withdrawn', '--note', 'took another process further'],
  ['2026-11-20', 'log', '1', 'kept-in-touch', '--note', 'shared an article'],
  ['2026-11-23', 'log', '3', 'no-answer'],
  ['2026-11-24', 'log', '4', 'feedback-received', '--note', 'more SQL, less slides'],
  ['2026-11-25', 'log', '4', 'thanks-sent'],
  ['2026-11-25', 'add', '--company', FORMULA, '--role', '+Lead', '--date', '2026-11-25',
    '--hiring-manager', '@Dana', '--email', 'at@formula.example', '--decision-by', '2026-12-02'],
  ['2026-11-26', 'log', '3', 'voicemail'],
  ['2026-11-30', 'log', '3', 'spoke', '--with', 'Dana Reyes', '--new-date', '2026-12-09', '--note', 'still interviewing; 2 left'],
  ['2026-12-01', 'add', '--company', SCRIPT, '--role', 'Frontend', '--date', '2026-12-01', '--kind', 'video',
    '--interviewer', 'Ana <b>Bold</b>', '--hiring-manager', 'Lee Park', '--email', 'lee@script.example'],
  ['2026-12-01', 'config', 'set', 'holidays', '2026-12-24,2026-12-25'],
  ['2026-12-01', 'config', 'set', 'name', 'Zoë Tester'],
  ['2026-12-01', 'config', 'set', 'keepInTouchDays', '30'],
  ['2026-12-02', 'outcome', '5', 'offer', '--note', '€90k, "great"'],
  ['2026-12-03', 'log', '3', 'offer-shared', '--with', 'Dana Reyes'],
];

/** Run the scenario into a new store. */
export function buildRichStore(db: string): void {
  for (const [today, ...args] of RICH_STEPS) ok(db, today, args);
}

/** The days the plan is compared on: before, during and after, a weekend and a holiday among them. */
export const PLAN_DAYS = ['2026-11-20', '2026-12-04', '2026-12-05', '2026-12-24', '2027-01-11'];
