/**
 * `npm run bench:seed -- --db PATH --applications N [--seed S] [--today DATE] [--years Y]`: fill a
 * store for the benchmark.
 */
import { isCalendarDate } from '../core/calendar.js';
import { Store } from '../store/store.js';
import { generateRecords } from './seed.js';

/** The default date the seeded histories lead up to (a Monday). */
export const BENCH_TODAY = '2026-12-07';

function usage(message: string): never {
  process.stderr.write(
    `bench:seed: ${message}\n` +
      'usage: npm run bench:seed -- --db PATH --applications N [--seed S] [--today YYYY-MM-DD] [--years Y]\n',
  );
  process.exit(2);
}

function parseArgs(argv: string[]): { db: string; applications: number; seed: number; today: string; years: number } {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    if (!key.startsWith('--') || argv[i + 1] === undefined) usage(`unexpected "${key}"`);
    args.set(key.slice(2), argv[i + 1]);
  }
  const db = args.get('db') ?? usage('--db PATH is required');
  const applications = Number(args.get('applications') ?? usage('--applications N is required'));
  if (!Number.isInteger(applications) || applications < 0) usage('--applications takes a whole number');
  const seed = Number(args.get('seed') ?? '1');
  if (!Number.isInteger(seed)) usage('--seed takes a whole number');
  const today = args.get('today') ?? BENCH_TODAY;
  if (!isCalendarDate(today)) usage('--today takes a date as YYYY-MM-DD');
  const years = Number(args.get('years') ?? '2');
  if (!(years > 0 && years <= 100)) usage('--years takes a number of years, more than 0 and at most 100');
  return { db, applications, seed, today, years };
}

const opts = parseArgs(process.argv.slice(2));
const started = Date.now();
const store = Store.open({ file: opts.db, explicit: true });
try {
  const records = generateRecords(opts);
  store.insertRecords(records, { journal: false, summary: `seed ${opts.applications} applications` });
} finally {
  store.close();
}
process.stderr.write(`Seeded ${opts.applications} applications into ${opts.db} in ${Date.now() - started} ms.\n`);
