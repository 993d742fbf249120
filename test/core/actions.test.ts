/** The action registry: every action has its entry, and what it says agrees with the drafts. */
import { describe, expect, it } from 'vitest';
import { ACTION_SPECS, DRAFT_KINDS, actionPhrase, draftCommand, logCommand } from '../../src/core/actions.js';
import { ACTIONS, EVENT_TYPES, type Channel } from '../../src/core/types.js';
import { MARK_SENT_EVENT } from '../../src/drafts/data.js';

const CHANNELS: (Channel | null)[] = ['phone', 'email', null];

describe('action registry', () => {
  it('has exactly one entry per action, each with every field', () => {
    expect(Object.keys(ACTION_SPECS).sort()).toEqual([...ACTIONS].sort());
    for (const action of ACTIONS) {
      const spec = ACTION_SPECS[action];
      for (const channel of CHANNELS) {
        expect(DRAFT_KINDS, action).toContain(spec.draftKind(channel));
        expect(spec.doneBy(channel).length, action).toBeGreaterThan(0);
        for (const e of spec.doneBy(channel)) expect(EVENT_TYPES, action).toContain(e);
        expect(spec.phrase('Dana', channel)).toContain('Dana');
        expect(spec.calendarTitle('Dana', channel)).toContain('Dana');
      }
    }
  });

  it('every draft kind helps with some action, and --mark-sent logs an event that completes it', () => {
    for (const kind of DRAFT_KINDS) {
      const uses = ACTIONS.flatMap((a) => CHANNELS.filter((c) => ACTION_SPECS[a].draftKind(c) === kind).map((c) => [a, c] as const));
      expect(uses.length, kind).toBeGreaterThan(0);
      const sent = MARK_SENT_EVENT[kind];
      if (sent !== null) for (const [a, c] of uses) expect(ACTION_SPECS[a].doneBy(c), `${kind} via ${a}`).toContain(sent);
    }
  });

  it('says items the way the list and the calendar always have', () => {
    const item = { id: 3, action: 'check-status' as const, channel: 'phone' as const, contact: { name: 'Dana Reyes' } };
    expect(actionPhrase(item)).toBe('Call Dana Reyes about the decision');
    expect(draftCommand(item)).toBe('followup draft call 3');
    expect(logCommand(item)).toBe('followup log 3 no-answer|voicemail|spoke');
    const email = { ...item, channel: 'email' as const };
    expect(draftCommand(email)).toBe('followup draft check-in 3');
    expect(logCommand(email)).toBe('followup log 3 emailed');
    expect(actionPhrase({ action: 'close-loop', channel: 'email', contact: null })).toBe('Send the company a gracious closing note');
  });
});
