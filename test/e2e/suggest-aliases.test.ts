/** "Did you mean" for outcomes, draft kinds and events; --note and --notes taken for each other. */
import { describe, expect, it } from 'vitest';
import { ADD_ACME, sandboxes } from './helpers.js';

const sandbox = sandboxes();

describe('did you mean', () => {
  it('suggests the outcome, draft kind or event meant, exit 2', async () => {
    const s = sandbox();
    await s.ok(ADD_ACME);
    const outcome = await s.run(['outcome', '1', 'offered']);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain('Did you mean offer?');
    const draft = await s.run(['draft', 'thank', '1']);
    expect(draft.status).toBe(2);
    expect(draft.stderr).toContain('Did you mean thanks?');
    const log = await s.run(['log', '1', 'voicemial']);
    expect(log.status).toBe(2);
    expect(log.stderr).toContain('Did you mean voicemail?');
  });
});

describe('--note and --notes', () => {
  it('add takes --note as --notes; log and outcome take --notes as --note', async () => {
    const s = sandbox();
    await s.ok([...ADD_ACME, '--note', 'team of six']);
    await s.ok(['log', '1', 'thanks-sent', '--notes', 'sent by email']);
    await s.ok(['outcome', '1', 'rejected', '--notes', 'went with an internal candidate']);
    const show = await s.json(['show', '1']);
    expect(show.rounds[0].notes).toBe('team of six');
    expect(show.events[0].note).toBe('sent by email');
    expect(show.outcomeNote ?? show.outcome?.note ?? JSON.stringify(show)).toContain('internal candidate');
  });

  it('two different values under the two spellings are exit 2, nothing recorded', async () => {
    const s = sandbox();
    await s.ok(ADD_ACME);
    const r = await s.run(['log', '1', 'thanks-sent', '--note', 'a', '--notes', 'b']);
    expect(r.status).toBe(2);
    expect((await s.json(['show', '1'])).events).toEqual([]);
  });
});
