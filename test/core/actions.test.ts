/** The action registry: every action has its entry, and what it says agrees with the drafts. */
import { describe, expect, it } from 'vitest';
import { ACTION_SPECS, DRAFT_KINDS, actionPhrase, draftCommand, logCommand } from '../../src/core/actions.js';
import { ACTIONS, EVENT_TYPES, type Channel } from '../../src/core/types.js';
import { MARK_SENT_EVENT, MARK_SENT_OUTCOME } from '../../src/drafts/data.js';

const CHANNELS: (Channel | null)[] = ['phone', 'email', null];

describe('action registry', () => {
  it('has exactly one entry per action, each with every field', () => {
    expect(Object.keys(ACTION_SPECS).sort()).toEqual([...ACTIONS].sort());
    for (const action of ACTIONS) {
      const spec = ACTION_SPECS[action];
      for (const channel of CHANNELS) {
        const kind = spec.draftKind(channel);
        // No letter (a booked interview, an offer to decide): a command that helps instead.
        if (kind === null) expect(spec.help?.(3), action).toMatch(/^followup \S+ 3$/);
        else expect(DRAFT_KINDS, action).toContain(kind);
        // Done by a logged event, or by an outcome; only a booked interview passes with its day.
        if (action !== 'prepare-interview') {
          expect(spec.doneBy(channel).length + (spec.doneByOutcome?.length ?? 0), action).toBeGreaterThan(0);
        }
        for (const e of spec.doneBy(channel)) expect(EVENT_TYPES, action).toContain(e);
        // A booked interview names nobody: its contact is whom letters go to, not the interviewer.
        if (action !== 'prepare-interview') {
          expect(spec.phrase('Dana', channel)).toContain('Dana');
          expect(spec.calendarTitle('Dana', channel)).toContain('Dana');
        }
      }
    }
  });

  it('every draft kind helps with some action, and --mark-sent logs an event that completes it', () => {
    for (const kind of DRAFT_KINDS) {
      const uses = ACTIONS.flatMap((a) =>
        CHANNELS.filter((c) => ACTION_SPECS[a].draftKind(c) === kind || ACTION_SPECS[a].alsoDrafts?.includes(kind)).map(
          (c) => [a, c] as const,
        ),
      );
      expect(uses.length, kind).toBeGreaterThan(0);
      const sent = MARK_SENT_EVENT[kind];
      if (sent !== null) for (const [a, c] of uses) expect(ACTION_SPECS[a].doneBy(c), `${kind} via ${a}`).toContain(sent);
      const outcome = MARK_SENT_OUTCOME[kind];
      if (outcome) for (const [a] of uses) expect(ACTION_SPECS[a].doneByOutcome, `${kind} via ${a}`).toContain(outcome);
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

  it('the arc (rules 14-16): help without a letter, done by an outcome, or passing with its day', () => {
    const prepare = { id: 4, action: 'prepare-interview' as const, channel: null, contact: { name: 'Priya Shah' } };
    expect(actionPhrase(prepare)).toBe('Prepare for the interview');
    expect(draftCommand(prepare)).toBe('followup show 4');
    expect(logCommand(prepare)).toBeNull();
    const decide = { ...prepare, action: 'decide-offer' as const };
    expect(draftCommand(decide)).toBe('followup show 4');
    expect(logCommand(decide)).toBe('followup outcome 4 accepted|declined');
    const withdraw = { ...prepare, action: 'withdraw' as const };
    expect(draftCommand(withdraw)).toBe('followup draft withdraw 4');
    expect(logCommand(withdraw)).toBe('followup outcome 4 withdrawn');
  });
});
