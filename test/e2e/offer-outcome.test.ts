/**
 * `followup outcome` for the offer's arc (issue 14; design/cli.md Additions): an offer's
 * deadline, accepted and declined answering it (the offer kept in the history), and the
 * refusals, each exit 2 with what to type and nothing written.
 */
import { describe, expect, test } from 'vitest';
import { ADD_ACME, ADD_GLOBEX, STACK_LINE, itemsOf, sandboxes, type Sandbox } from './helpers.js';

const sandbox = sandboxes();

/** Acme (30 Nov) and Globex (1 Dec); Globex offers on Wed 9 Dec, to be answered by Sat 19 Dec. */
async function withOffer(): Promise<Sandbox> {
  const s = sandbox('2026-12-09');
  await s.ok(ADD_ACME, { today: '2026-11-30' });
  await s.ok(ADD_GLOBEX, { today: '2026-12-01' });
  await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
  await s.ok(['log', '2', 'thanks-sent', '--date', '2026-12-01']);
  await s.ok(['outcome', 'globex', 'offer', '--respond-by', '2026-12-19']);
  return s;
}

/** Exit 2, a message and no stack trace, and the store exactly as it was. */
async function refused(s: Sandbox, args: string[], message: RegExp, today?: string): Promise<void> {
  const before = await s.json(['list', '--all'], { today: '2026-12-31' });
  const shown = await s.json(['show', '2'], { today: '2026-12-31' });
  const r = await s.run(args, today ? { today } : {});
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toContain(STACK_LINE);
  expect(r.stdout).toBe('');
  expect(await s.json(['list', '--all'], { today: '2026-12-31' })).toEqual(before);
  expect(await s.json(['show', '2'], { today: '2026-12-31' })).toEqual(shown);
}

describe('outcome offer --respond-by', () => {
  test('records the deadline; decide-offer from two working days before it; other applications are told it', async () => {
    const s = await withOffer();
    const shown = await s.json(['show', '2']);
    expect(shown).toMatchObject({ status: 'offer', outcome: 'offer', outcomeDate: '2026-12-09', respondBy: '2026-12-19' });
    expect(itemsOf(await s.todayPlan('2026-12-15'), 'decide-offer')).toEqual([]);
    const [decide] = itemsOf(await s.todayPlan('2026-12-16'), 'decide-offer');
    expect(decide).toMatchObject({ id: 2, earliest: '2026-12-16', due: '2026-12-18', channel: null, attempt: null, overdue: false });
    expect(decide.reason).toContain('answer by Sat 19 Dec');
    const [share] = itemsOf(await s.todayPlan('2026-12-10'), 'share-offer');
    expect(share.reason).toContain('You have an offer from Globex (Wed 9 Dec) and must answer it by Sat 19 Dec');
    const text = (await s.ok(['show', '2'])).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Outcome: offer, to be answered by Sat 19 Dec');
  });

  test('a weekday means the coming one, and the JSON says it', async () => {
    const s = sandbox('2026-12-09');
    await s.ok(ADD_GLOBEX, { today: '2026-12-01' });
    const out = await s.json(['outcome', '1', 'offer', '--respond-by', 'fri']);
    expect(out).toMatchObject({ status: 'offer', date: '2026-12-09', respondBy: '2026-12-11', withdrawFrom: [] });
  });

  test('refused with another outcome, before the offer, or as a bad date', async () => {
    const s = await withOffer();
    await refused(s, ['outcome', '1', 'rejected', '--respond-by', '2026-12-18'], /--respond-by goes with offer/);
    await refused(s, ['outcome', '1', 'offer', '--respond-by', '2026-12-08'], /before the offer \(Wed 9 Dec\)/);
    await refused(s, ['outcome', '1', 'offer', '--respond-by', 'soon'], /--respond-by/);
  });

  test('a second offer is refused unless it replaces the first; the refusal keeps the first date', async () => {
    const s = sandbox('2026-12-10');
    await s.ok(ADD_GLOBEX, { today: '2026-12-01' });
    await s.ok(['outcome', '1', 'offer', '--date', '2026-12-09']);
    const r = await s.run(['outcome', '1', 'offer', '--respond-by', '2026-12-18']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('followup outcome 1 offer --date 2026-12-09 --respond-by 2026-12-18 --replace');
    await s.ok(['outcome', '1', 'offer', '--date', '2026-12-09', '--respond-by', '2026-12-18', '--replace']);
    expect(await s.json(['show', '1'])).toMatchObject({ outcome: 'offer', outcomeDate: '2026-12-09', respondBy: '2026-12-18' });
  });
});

describe('outcome accepted and declined', () => {
  test('accepted: the offer stays in the history; the others list withdraw; undo brings the offer back', async () => {
    const s = await withOffer();
    const out = await s.json(['outcome', '2', 'accepted', '--note', 'start on 4 Jan'], { today: '2026-12-15' });
    expect(out).toMatchObject({
      status: 'accepted',
      previous: 'offer',
      date: '2026-12-15',
      replaced: { outcome: 'offer', date: '2026-12-09' },
      withdrawFrom: [{ id: 1, company: 'Acme', role: 'Backend Engineer' }],
      shareOfferWith: [],
      next: [],
    });
    const shown = await s.json(['show', '2'], { today: '2026-12-15' });
    expect(shown).toMatchObject({ status: 'accepted', outcome: 'accepted', outcomeNote: 'start on 4 Jan', respondBy: null });
    expect(shown.pastOutcomes).toEqual([
      expect.objectContaining({ outcome: 'offer', date: '2026-12-09', replacedOn: '2026-12-15', respondBy: '2026-12-19' }),
    ]);
    expect((await s.json(['list', '--all'], { today: '2026-12-15' })).map((r: { status: string }) => r.status)).toEqual([
      'active',
      'accepted',
    ]);
    const plan = await s.todayPlan('2026-12-15');
    expect(plan.items.map((i) => [i.id, i.action, i.earliest, i.due])).toEqual([[1, 'withdraw', '2026-12-15', '2026-12-17']]);
    expect(plan.items[0].reason).toContain('You accepted the offer from Globex on Tue 15 Dec');
    expect(plan.waiting).toEqual([]);
    // (the timeline wraps at 80 columns)
    const text = (await s.ok(['show', '2'], { today: '2026-12-15' })).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Outcome: offer, to be answered by Sat 19 Dec (accepted on Tue 15 Dec)');
    // A replay of the day before still sees the open offer with its deadline.
    expect(itemsOf(await s.todayPlan('2026-12-14'), 'withdraw')).toEqual([]);
    // Undo says what it reverses, and the offer is the outcome again.
    const undo = await s.run(['undo', '--yes'], { today: '2026-12-15' });
    expect(undo.status).toBe(0);
    expect(`${undo.stdout}${undo.stderr}`).toContain('outcome: accepted on 2026-12-15 for #2 Globex, Analyst (answering the offer of 2026-12-09');
    expect(await s.json(['show', '2'], { today: '2026-12-15' })).toMatchObject({ outcome: 'offer', respondBy: '2026-12-19', pastOutcomes: [] });
  });

  test('declined: nothing more is listed for it; the others are told the offer was declined', async () => {
    const s = await withOffer();
    const r = await s.ok(['outcome', '2', 'declined', '--date', '2026-12-11'], { today: '2026-12-14' });
    expect(r.stdout).toContain('It answers the offer of Wed 9 Dec, which stays in the timeline as history.');
    const plan = await s.todayPlan('2026-12-16');
    expect(plan.items.filter((i) => i.id === 2)).toEqual([]);
    const [share] = itemsOf(plan, 'share-offer');
    expect(share.reason).toContain('You had an offer from Globex (Wed 9 Dec) and declined it on Fri 11 Dec');
    expect((await s.json(['show', '2'])).status).toBe('declined');
  });

  test('refused without an offer, or before it came; a second answer needs --replace', async () => {
    const s = await withOffer();
    await refused(s, ['outcome', '1', 'accepted'], /#1 Acme, Backend Engineer has no outcome yet: accepted answers an offer/, '2026-12-15');
    await refused(s, ['outcome', '2', 'declined', '--date', '2026-12-08'], /before it came/, '2026-12-15');
    await s.ok(['outcome', '2', 'accepted'], { today: '2026-12-15' });
    await refused(s, ['outcome', '2', 'declined'], /already recorded as accepted on Tue 15 Dec[\s\S]*followup outcome 2 declined --replace/, '2026-12-16');
    await s.ok(['outcome', '1', 'rejected', '--date', '2026-12-15'], { today: '2026-12-16' });
    await refused(s, ['outcome', '1', 'accepted', '--replace'], /recorded as rejected on Tue 15 Dec: accepted answers an offer/, '2026-12-16');
    // Others still need --replace, as before.
    await refused(s, ['outcome', '1', 'withdrawn'], /already recorded as rejected[\s\S]*--replace/, '2026-12-16');
  });

  test('did-you-mean still works, and the help shows the new outcomes with examples', async () => {
    const s = await withOffer();
    const r = await s.run(['outcome', '2', 'acepted']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Did you mean accepted?');
    expect(r.stderr).toContain('offer, accepted, declined, rejected, withdrawn');
    const help = (await s.ok(['outcome', '--help'])).stdout;
    expect(help).toContain('--respond-by <date>');
    expect(help).toContain('followup outcome 3 offer --respond-by 2026-12-18');
    expect(help).toContain('followup outcome 3 accepted');
    expect(help).toContain('followup outcome 3 declined');
  });
});
