/** The user's settings: the cadence knobs of cadence.md and who the user is, each checked. */
import { UsageError } from '../errors.js';
import { FIRST_DATE, LAST_DATE, isCalendarDate, isDateInRange, isYearlyHoliday } from './calendar.js';
import { DEFAULT_SETTINGS, type Settings } from './types.js';

/** How letters greet: by first name ("Dear Dana"), or formally ("Dear Dana Reyes"); an honorific wins in both. */
export const SALUTATIONS = ['first-name', 'formal'] as const;
export type Salutation = (typeof SALUTATIONS)[number];

/** The sender of letters, for the drafts. */
export interface Me {
  name: string | null;
  email: string | null;
  phone: string | null;
  /** How letters greet their recipient; 'first-name' when absent. */
  salutation?: Salutation;
}

export type Config = Settings & Me;

export const DEFAULT_CONFIG: Config = { ...DEFAULT_SETTINGS, name: null, email: null, phone: null, salutation: 'first-name' };

type Key = keyof Config;

interface KeySpec {
  help: string;
  parse(text: string): unknown;
}

function wholeNumber(min: number, max: number) {
  return (text: string): number => {
    if (!/^\d+$/.test(text.trim())) throw new Error(`a whole number from ${min} to ${max}`);
    const n = Number(text);
    if (n < min || n > max) throw new Error(`a whole number from ${min} to ${max}`);
    return n;
  };
}

function optionalText(text: string): string | null {
  const t = text.trim();
  return t === '' ? null : t;
}

/** The most holidays a store keeps: years of public holidays, and a bound on each step's work. */
export const MAX_HOLIDAYS = 1000;

function dateList(text: string): string[] {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length > MAX_HOLIDAYS) throw new Error(`at most ${MAX_HOLIDAYS} dates (${parts.length} were given)`);
  for (const p of parts) {
    if (isYearlyHoliday(p)) continue;
    if (!isCalendarDate(p)) {
      throw new Error(`dates as YYYY-MM-DD, or MM-DD for every year, separated by commas ("${p}" is not one)`);
    }
    if (!isDateInRange(p)) throw new Error(`dates from ${FIRST_DATE} to ${LAST_DATE} ("${p}" is not one)`);
  }
  return [...new Set(parts)].sort();
}

function salutation(text: string): Salutation {
  const t = text.trim();
  if (!(SALUTATIONS as readonly string[]).includes(t)) throw new Error(SALUTATIONS.join(' or '));
  return t as Salutation;
}

/** Every key `followup config` knows, with what it accepts. */
export const CONFIG_KEYS: Record<Key, KeySpec> = {
  assumeDecisionWorkdays: {
    help: 'working days to assume when no decision date was given',
    parse: wholeNumber(1, 60),
  },
  minGapDays: { help: 'never two status chases fewer than this many days apart', parse: wholeNumber(1, 60) },
  maxGapDays: { help: 'a chase is due this many days after the previous one', parse: wholeNumber(1, 60) },
  maxAttempts: { help: 'unanswered chases before the closing note', parse: wholeNumber(1, 20) },
  maxVoicemails: { help: 'voicemails before chases go by email', parse: wholeNumber(0, 20) },
  keepInTouchDays: { help: 'days between keep-in-touch notes after a rejection', parse: wholeNumber(1, 3650) },
  holidays: {
    help: 'extra non-working days: YYYY-MM-DD, or MM-DD every year; comma separated',
    parse: dateList,
  },
  name: { help: 'your name, to sign letters', parse: optionalText },
  email: { help: 'your email, for letters', parse: optionalText },
  phone: { help: 'your phone, for letters and voicemails', parse: optionalText },
  salutation: { help: 'how letters greet: first-name ("Dear Dana") or formal ("Dear Dana Reyes")', parse: salutation },
};

/** Whether a string names a config key. */
export function isConfigKey(key: string): key is Key {
  return Object.prototype.hasOwnProperty.call(CONFIG_KEYS, key);
}

/** A setting that cannot be taken: `key` names it, `problem` says why (without the key). */
export class SettingError extends UsageError {
  constructor(
    readonly key: string,
    readonly problem: string,
    message: string,
  ) {
    super(message);
  }
}

/** A rule between settings, and the settings it involves. */
interface SettingsRule {
  keys: readonly Key[];
  problem(config: Config): string | null;
}

const SETTINGS_RULES: readonly SettingsRule[] = [
  {
    keys: ['minGapDays', 'maxGapDays'],
    problem: (c) =>
      c.minGapDays > c.maxGapDays ? `minGapDays (${c.minGapDays}) cannot be more than maxGapDays (${c.maxGapDays})` : null,
  },
];

/** Check and convert one value as typed (text) or as archived (a JSON value of the right kind). */
function parseSetting(key: string, raw: unknown): { key: Key; value: unknown } {
  if (!isConfigKey(key)) {
    const known = Object.keys(CONFIG_KEYS).join(', ');
    throw new SettingError(key, `is not a setting (known: ${known})`, `Unknown setting "${key}". Known settings: ${known}.`);
  }
  let text: string;
  if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'number' || raw === null) text = formatConfigValue(raw);
  else if (key === 'holidays' && Array.isArray(raw) && raw.every((d) => typeof d === 'string')) text = raw.join(',');
  else throw new SettingError(key, 'has a value of the wrong kind', `${key} has a value of the wrong kind.`);
  try {
    return { key, value: CONFIG_KEYS[key].parse(text) };
  } catch (err) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}...` : text;
    const problem = `takes ${(err as Error).message}; got "${shown}"`;
    throw new SettingError(key, problem, `${key} ${problem}.`);
  }
}

/**
 * Check settings given together as `config set` checks one: each value, then every rule between
 * settings that involves one of them, against `current` for the rest. With `current` null (an
 * archive read on its own) only the rules whose settings are all given. All or nothing: throws a
 * SettingError naming the first setting that cannot be taken; returns the values converted.
 */
export function checkSettings(values: Readonly<Record<string, unknown>>, current: Config | null): Partial<Config> {
  const parsed: Partial<Record<Key, unknown>> = {};
  for (const [name, raw] of Object.entries(values)) {
    const { key, value } = parseSetting(name, raw);
    parsed[key] = value;
  }
  const given = Object.keys(parsed) as Key[];
  const next = { ...(current ?? DEFAULT_CONFIG), ...parsed } as Config;
  for (const rule of SETTINGS_RULES) {
    const involved = rule.keys.filter((k) => given.includes(k));
    if (involved.length === 0 || (current === null && involved.length < rule.keys.length)) continue;
    const problem = rule.problem(next);
    if (problem !== null) throw new SettingError(involved[0], problem, `${problem}. Change the other one first.`);
  }
  return parsed as Partial<Config>;
}

/** Check and convert a value typed for a key; throws a UsageError that says what is accepted. */
export function parseConfigValue(key: string, text: string, current: Config): { key: Key; value: unknown } {
  const [[checked, value]] = Object.entries(checkSettings({ [key]: text }, current));
  return { key: checked as Key, value };
}

/** Merge stored values over the defaults, ignoring anything unknown or malformed. */
export function configFromStored(stored: Record<string, unknown>): Config {
  const config: Config = { ...DEFAULT_CONFIG, holidays: [...DEFAULT_CONFIG.holidays] };
  for (const [key, value] of Object.entries(stored)) {
    if (!isConfigKey(key)) continue;
    const target = config as unknown as Record<string, unknown>;
    if (key === 'holidays') {
      if (Array.isArray(value) && value.every((v) => typeof v === 'string' && (isCalendarDate(v) || isYearlyHoliday(v)))) {
        config.holidays = value as string[];
      }
    } else if (key === 'salutation') {
      if (typeof value === 'string' && (SALUTATIONS as readonly string[]).includes(value)) config.salutation = value as Salutation;
    } else if (typeof DEFAULT_CONFIG[key] === 'number') {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) target[key] = value;
    } else if (value === null || typeof value === 'string') {
      target[key] = value;
    }
  }
  return config;
}

/** Show a value as `config get` prints it. */
export function formatConfigValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  if (value === null || value === undefined) return '';
  return String(value);
}
