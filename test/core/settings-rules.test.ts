/**
 * Settings given together (an archive's) pass the checks `config set` applies to one, and the
 * holidays list is bounded (issue 10, items 7 and 8).
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar.js';
import { DEFAULT_CONFIG, MAX_HOLIDAYS, checkSettings, parseConfigValue, type Config } from '../../src/core/config.js';
import { UsageError } from '../../src/errors.js';

const cfg = (over: Partial<Config> = {}): Config => ({ ...DEFAULT_CONFIG, holidays: [], ...over });
const days = (n: number): string[] => Array.from({ length: n }, (_, i) => addDays('1990-01-01', i));

describe('holidays are bounded', () => {
  it(`at most ${MAX_HOLIDAYS} dates`, () => {
    expect(MAX_HOLIDAYS).toBe(1000);
    expect(parseConfigValue('holidays', days(MAX_HOLIDAYS).join(','), cfg()).value).toHaveLength(MAX_HOLIDAYS);
    expect(() => parseConfigValue('holidays', days(MAX_HOLIDAYS + 1).join(','), cfg())).toThrow(/at most 1000/);
  });

  it('dates within 1970-01-01 .. 2100-12-31', () => {
    expect(() => parseConfigValue('holidays', '1969-12-25', cfg())).toThrow(UsageError);
    expect(() => parseConfigValue('holidays', '2101-01-01', cfg())).toThrow(/2101-01-01/);
  });
});

describe('checkSettings', () => {
  it('checks each value as config set does and returns them converted', () => {
    expect(checkSettings({ minGapDays: 2, holidays: ['2026-12-25'], name: null }, cfg())).toEqual({
      minGapDays: 2,
      holidays: ['2026-12-25'],
      name: null,
    });
    expect(checkSettings({ maxAttempts: '3' }, cfg())).toEqual({ maxAttempts: 3 });
  });

  it('names the setting that is wrong', () => {
    for (const [values, key] of [
      [{ name: 'A', maxAttempts: 99 }, 'maxAttempts'],
      [{ minGapDays: null }, 'minGapDays'],
      [{ minGapDays: 2.5 }, 'minGapDays'],
      [{ maxVoicemails: { n: 1 } }, 'maxVoicemails'],
      [{ colour: 'blue' }, 'colour'],
    ] as const) {
      let error: unknown;
      try {
        checkSettings(values, cfg());
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(UsageError);
      expect((error as { key: string }).key).toBe(key);
    }
  });

  it('checks the rules between settings against the others given and the current ones', () => {
    expect(() => checkSettings({ minGapDays: 50 }, cfg())).toThrow(/minGapDays \(50\).*maxGapDays \(4\)/);
    expect(checkSettings({ minGapDays: 50, maxGapDays: 60 }, cfg())).toEqual({ minGapDays: 50, maxGapDays: 60 });
    expect(() => checkSettings({ minGapDays: 20, maxGapDays: 30 }, cfg({ maxGapDays: 10 }))).not.toThrow();
    expect(() => checkSettings({ maxGapDays: 2 }, cfg())).toThrow(/minGapDays \(3\)/);
  });

  it('leaves alone a rule that involves none of the settings given', () => {
    const broken = cfg({ minGapDays: 50 });
    expect(checkSettings({ name: 'Sam' }, broken)).toEqual({ name: 'Sam' });
    expect(parseConfigValue('name', 'Sam', broken).value).toBe('Sam');
  });
});
