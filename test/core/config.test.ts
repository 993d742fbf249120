import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, configFromStored, isConfigKey, parseConfigValue, type Config } from '../../src/core/config.js';
import { DEFAULT_SETTINGS } from '../../src/core/types.js';
import { UsageError } from '../../src/errors.js';

const cfg = (over: Partial<Config> = {}): Config => ({ ...DEFAULT_CONFIG, holidays: [], ...over });

describe('defaults', () => {
  it('match the table in cadence.md', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      assumeDecisionWorkdays: 5,
      minGapDays: 3,
      maxGapDays: 4,
      maxAttempts: 4,
      maxVoicemails: 2,
      keepInTouchDays: 90,
      holidays: [],
    });
    expect(DEFAULT_CONFIG).toMatchObject(DEFAULT_SETTINGS);
  });

  it('knows every settings key and refuses others', () => {
    for (const key of Object.keys(DEFAULT_SETTINGS)) expect(isConfigKey(key)).toBe(true);
    expect(isConfigKey('minGap')).toBe(false);
    expect(isConfigKey('toString')).toBe(false);
    expect(isConfigKey('__proto__')).toBe(false);
  });
});

describe('parseConfigValue: accepts', () => {
  it('whole numbers for the numeric settings', () => {
    expect(parseConfigValue('minGapDays', '2', cfg())).toEqual({ key: 'minGapDays', value: 2 });
    expect(parseConfigValue('maxGapDays', '7', cfg())).toEqual({ key: 'maxGapDays', value: 7 });
    expect(parseConfigValue('maxAttempts', '3', cfg())).toEqual({ key: 'maxAttempts', value: 3 });
    expect(parseConfigValue('assumeDecisionWorkdays', '10', cfg())).toEqual({
      key: 'assumeDecisionWorkdays',
      value: 10,
    });
    expect(parseConfigValue('keepInTouchDays', '60', cfg())).toEqual({ key: 'keepInTouchDays', value: 60 });
    expect(parseConfigValue('maxVoicemails', '0', cfg())).toEqual({ key: 'maxVoicemails', value: 0 });
  });

  it('spaces around a number', () => {
    expect(parseConfigValue('minGapDays', ' 2 ', cfg()).value).toBe(2);
  });

  it('minGapDays equal to maxGapDays', () => {
    expect(parseConfigValue('minGapDays', '4', cfg()).value).toBe(4);
    expect(parseConfigValue('maxGapDays', '3', cfg()).value).toBe(3);
  });

  it('a raised minGapDays once maxGapDays allows it', () => {
    expect(parseConfigValue('minGapDays', '6', cfg({ maxGapDays: 8 })).value).toBe(6);
  });

  it('holidays as a comma list, sorted and without repeats', () => {
    expect(parseConfigValue('holidays', '2026-12-25, 2026-12-24,2026-12-25', cfg()).value).toEqual([
      '2026-12-24',
      '2026-12-25',
    ]);
    expect(parseConfigValue('holidays', '', cfg()).value).toEqual([]);
  });

  it('text settings, empty meaning unset', () => {
    expect(parseConfigValue('name', 'Ana Lima', cfg()).value).toBe('Ana Lima');
    expect(parseConfigValue('email', '  ana@example.com ', cfg()).value).toBe('ana@example.com');
    expect(parseConfigValue('phone', '   ', cfg()).value).toBeNull();
  });
});

describe('parseConfigValue: refuses', () => {
  it.each(['-1', '-3', 'abc', '1.5', '', '3d', '1e2'])('minGapDays %j', (text) => {
    expect(() => parseConfigValue('minGapDays', text, cfg())).toThrow(UsageError);
  });

  it.each(['-1', 'four', '2.0'])('maxGapDays %j', (text) => {
    expect(() => parseConfigValue('maxGapDays', text, cfg())).toThrow(UsageError);
  });

  it.each(['-2', 'x'])('other numeric settings given %j', (text) => {
    for (const key of ['assumeDecisionWorkdays', 'maxAttempts', 'maxVoicemails', 'keepInTouchDays']) {
      expect(() => parseConfigValue(key, text, cfg())).toThrow(UsageError);
    }
  });

  it('says what it takes and what it got', () => {
    expect(() => parseConfigValue('minGapDays', '-1', cfg())).toThrow(/minGapDays.*whole number.*"-1"/);
  });

  it('unknown keys, naming the known ones', () => {
    expect(() => parseConfigValue('minGap', '3', cfg())).toThrow(UsageError);
    expect(() => parseConfigValue('minGap', '3', cfg())).toThrow(/minGapDays/);
    expect(() => parseConfigValue('toString', '3', cfg())).toThrow(UsageError);
  });

  it('minGapDays above maxGapDays, either way round', () => {
    expect(() => parseConfigValue('minGapDays', '5', cfg())).toThrow(UsageError);
    expect(() => parseConfigValue('maxGapDays', '2', cfg())).toThrow(UsageError);
    expect(() => parseConfigValue('maxGapDays', '2', cfg())).toThrow(/minGapDays \(3\).*maxGapDays \(2\)/);
  });

  it('holidays that are not dates', () => {
    expect(() => parseConfigValue('holidays', '2026-02-30', cfg())).toThrow(UsageError);
    expect(() => parseConfigValue('holidays', '2026-12-25,christmas', cfg())).toThrow(/christmas/);
  });
});

describe('configFromStored', () => {
  it('is the defaults for an empty store', () => {
    expect(configFromStored({})).toEqual(DEFAULT_CONFIG);
  });

  it('takes valid stored values', () => {
    const c = configFromStored({
      minGapDays: 2,
      maxGapDays: 6,
      maxAttempts: 3,
      maxVoicemails: 0,
      holidays: ['2026-12-24', '2026-12-25'],
      name: 'Ana Lima',
      email: null,
    });
    expect(c.minGapDays).toBe(2);
    expect(c.maxGapDays).toBe(6);
    expect(c.maxAttempts).toBe(3);
    expect(c.maxVoicemails).toBe(0);
    expect(c.holidays).toEqual(['2026-12-24', '2026-12-25']);
    expect(c.name).toBe('Ana Lima');
    expect(c.email).toBeNull();
    expect(c.keepInTouchDays).toBe(90);
  });

  it('ignores junk: unknown keys, wrong types, negatives, fractions, bad holidays', () => {
    const c = configFromStored({
      minGapDays: -1,
      maxGapDays: 'x',
      maxAttempts: 2.5,
      maxVoicemails: null,
      keepInTouchDays: '30',
      assumeDecisionWorkdays: Number.NaN,
      holidays: ['2026-02-30'],
      name: 42,
      email: { a: 1 },
      somethingElse: 7,
    });
    expect(c).toEqual(DEFAULT_CONFIG);
    expect(c).not.toHaveProperty('somethingElse');
  });

  it('ignores a holidays value that is not a list of dates', () => {
    expect(configFromStored({ holidays: '2026-12-25' }).holidays).toEqual([]);
    expect(configFromStored({ holidays: ['2026-12-25', 5] }).holidays).toEqual([]);
  });

  it('never shares or changes the default holidays list', () => {
    const c = configFromStored({});
    c.holidays.push('2026-12-25');
    expect(DEFAULT_CONFIG.holidays).toEqual([]);
    expect(DEFAULT_SETTINGS.holidays).toEqual([]);
  });
});
