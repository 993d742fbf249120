/** The user's settings: the cadence knobs of cadence.md and who the user is, each checked. */
import { UsageError } from '../errors.js';
import { isCalendarDate } from './calendar.js';
import { DEFAULT_SETTINGS, type Settings } from './types.js';

/** The sender of letters, for the drafts. */
export interface Me {
  name: string | null;
  email: string | null;
  phone: string | null;
}

export type Config = Settings & Me;

export const DEFAULT_CONFIG: Config = { ...DEFAULT_SETTINGS, name: null, email: null, phone: null };

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

function dateList(text: string): string[] {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  for (const p of parts) {
    if (!isCalendarDate(p)) throw new Error(`dates as YYYY-MM-DD separated by commas ("${p}" is not one)`);
  }
  return [...new Set(parts)].sort();
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
  holidays: { help: 'extra non-working days, YYYY-MM-DD, comma separated', parse: dateList },
  name: { help: 'your name, to sign letters', parse: optionalText },
  email: { help: 'your email, for letters', parse: optionalText },
  phone: { help: 'your phone, for letters and voicemails', parse: optionalText },
};

/** Whether a string names a config key. */
export function isConfigKey(key: string): key is Key {
  return Object.prototype.hasOwnProperty.call(CONFIG_KEYS, key);
}

/** Check and convert a value typed for a key; throws a UsageError that says what is accepted. */
export function parseConfigValue(key: string, text: string, current: Config): { key: Key; value: unknown } {
  if (!isConfigKey(key)) {
    throw new UsageError(`Unknown setting "${key}". Known settings: ${Object.keys(CONFIG_KEYS).join(', ')}.`);
  }
  let value: unknown;
  try {
    value = CONFIG_KEYS[key].parse(text);
  } catch (err) {
    throw new UsageError(`${key} takes ${(err as Error).message}; got "${text}".`);
  }
  const next = { ...current, [key]: value } as Config;
  if (next.minGapDays > next.maxGapDays) {
    throw new UsageError(
      `minGapDays (${next.minGapDays}) cannot be more than maxGapDays (${next.maxGapDays}). ` +
        'Change the other one first.',
    );
  }
  return { key, value };
}

/** Merge stored values over the defaults, ignoring anything unknown or malformed. */
export function configFromStored(stored: Record<string, unknown>): Config {
  const config: Config = { ...DEFAULT_CONFIG, holidays: [...DEFAULT_CONFIG.holidays] };
  for (const [key, value] of Object.entries(stored)) {
    if (!isConfigKey(key)) continue;
    const target = config as unknown as Record<string, unknown>;
    if (key === 'holidays') {
      if (Array.isArray(value) && value.every((v) => typeof v === 'string' && isCalendarDate(v))) {
        config.holidays = value as string[];
      }
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
