/**
 * `followup delete <ref>` (issue 13; design/cli.md, Additions: Corrections): removes an
 * application and everything recorded about it as one undoable change; asks on a terminal,
 * needs --yes without one; `undo` puts every row back as it was.
 */
import { describe, expect, test, vi } from 'vitest';
import { runCli } from '../support/in-process.js';
import { dumpStore } from '../export/helpers.js';
import { ADD_ACME, ADD_GLOBEX, STACK_LINE, parseJson, sandboxes, type Sandbox } from './helpers.js';

const sandbox = sandboxes();

/** The answer the terminal gives to the confirmation (the prompt library is replaced: it needs a real terminal). */
let answer = false;
// Hoisted above the imports by vitest. The question is written where the asker was told to write it.
vi.mock('@inquirer/prompts', () => ({
  confirm: async (config: { message: string }, context: { output: NodeJS.WritableStream }) => {
    context.output.write(`? ${config.message}\n`);
    return answer;
  },
}));

/**
 * Acme (#1): two rounds, three contacts, needs and answers to expand on, events, and an outcome
 * replaced once (so an earlier outcome in the history). Globex (#2) beside it, untouched.
 */
async function recorded(): Promise<Sandbox> {
  const s = sandbox('2026-12-18');
  await s.ok([...ADD_ACME, '--interviewer', 'Sam Lee', '--need', 'on-call experience', '--expand', 'the migration story']);
  await s.ok(ADD_GLOBEX);
  await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-03', '--hr', 'Jordan Kim', '--need', 'Go']);
  await s.ok(['log', '1', 'thanks-sent', '--date', '2026-12-03']);
  await s.ok(['log', '2', 'thanks-sent', '--date', '2026-12-02']);
  await s.ok(['log', '1', 'no-answer', '--date', '2026-12-08', '--note', 'rang at ten']);
  await s.ok(['outcome', '1', 'rejected', '--date', '2026-12-11']);
  await s.ok(['outcome', '1', 'withdrawn', '--date', '2026-12-10', '--replace']);
  return s;
}

/** Everything a user or a script can see of the store: show --json of each, list --all, export. */
async function everything(s: Sandbox): Promise<unknown> {
  const list = await s.json(['list', '--all']);
  const shown = [];
  for (const a of list as { id: number }[]) shown.push(await s.json(['show', String(a.id)]));
  const archive = parseJson((await s.ok(['export', '--format', 'json'])).stdout);
  delete archive.exportedAt;
  return { list, shown, archive };
}

/** The rows of the store's own tables (not the journal's bookkeeping). */
const rows = (s: Sandbox) => dumpStore(s.db, { skip: ['journal', 'undo_log', 'journal_state', 'sqlite_sequence'] });

describe('followup delete', () => {
  test('--yes removes the application and all its records; the other one is untouched', async () => {
    const s = await recorded();
    const globex = await s.json(['show', '2']);
    const r = await s.ok(['delete', 'acme', '--yes']);
    expect(r.stdout).toContain(
      'Deleted #1 Acme, Backend Engineer with 2 interview rounds, 3 contacts, 2 needs, 1 answer to expand on, ' +
        '2 logged events, 1 earlier outcome.',
    );
    expect(r.stdout).toContain('followup undo');
    const gone = await s.run(['show', '1']);
    expect(gone.status).toBe(2);
    expect((await s.json(['list', '--all'])).map((a: { id: number }) => a.id)).toEqual([2]);
    expect(await s.json(['show', '2'])).toEqual(globex);
    // No row of it is left behind in any table.
    const left = JSON.parse(rows(s)) as Record<string, { application_id?: number; id?: number }[]>;
    for (const table of ['rounds', 'contacts', 'facts', 'events', 'outcome_history']) {
      expect(left[table].filter((row) => row.application_id === 1), table).toEqual([]);
    }
    expect(left.applications.map((a) => a.id)).toEqual([2]);
  });

  test('undo restores every record exactly: show --json, list, export and the rows are as before', async () => {
    const s = await recorded();
    const before = await everything(s);
    const beforeRows = rows(s);
    await s.ok(['delete', '1', '--yes']);
    const undone = await s.ok(['undo', '--yes']);
    expect(undone.stdout).toContain(
      'delete: #1 Acme, Backend Engineer (withdrawn) with 2 interview rounds, 3 contacts, 2 needs, ' +
        '1 answer to expand on, 2 logged events, 1 earlier outcome',
    );
    expect(await everything(s)).toEqual(before);
    expect(rows(s)).toBe(beforeRows);
    // The number is never reused: a new application after a delete gets the next one.
    await s.ok(['delete', '2', '--yes']);
    expect((await s.json(['add', '--company', 'Hooli', '--role', 'QA', '--date', '2026-12-17'])).id).toBe(3);
  });

  test('--json prints what was deleted, as show --json printed it, with the counts', async () => {
    const s = await recorded();
    const shown = await s.json(['show', '1']);
    const out = await s.json(['delete', '1', '--yes']);
    const { next: _next, ...records } = shown;
    expect(out.deleted).toMatchObject(records);
    expect(out.deleted.pastOutcomes).toHaveLength(1);
    expect(out.counts).toEqual({ rounds: 2, contacts: 3, needs: 2, expand: 1, events: 2, pastOutcomes: 1 });
  });

  test('without a terminal, or with --no-input, it refuses with exit 2 naming --yes, and deletes nothing', async () => {
    const s = await recorded();
    const before = rows(s);
    const piped = await s.run(['delete', '1']);
    expect(piped.status).toBe(2);
    expect(piped.stderr).toContain('This would delete #1 Acme, Backend Engineer (withdrawn) with 2 interview rounds');
    expect(piped.stderr).toContain('followup delete 1 --yes');
    expect(piped.stderr).not.toContain(STACK_LINE);
    expect(piped.stdout).toBe('');
    const noInput = await runCli(['--db', s.db, '--today', s.today, '--no-input', 'delete', '1'], { env: s.env(), tty: true });
    expect(noInput.status).toBe(2);
    expect(noInput.stderr).toContain('--yes');
    expect(rows(s)).toBe(before);
  });

  test('on a terminal it asks on stderr; no keeps everything, yes deletes', async () => {
    const s = await recorded();
    const before = rows(s);
    const ask = (yes: boolean) => {
      answer = yes;
      return runCli(['--db', s.db, '--today', s.today, 'delete', '1'], { env: s.env(), tty: true });
    };
    const no = await ask(false);
    expect(no.status).toBe(0);
    expect(no.stderr).toContain('Delete #1 Acme, Backend Engineer (withdrawn)');
    expect(no.stderr).toContain('Nothing was deleted.');
    expect(no.stdout).toBe('');
    expect(rows(s)).toBe(before);
    const yes = await ask(true);
    expect(yes.status).toBe(0);
    expect(yes.stdout).toContain('Deleted #1 Acme, Backend Engineer');
    expect((await s.run(['show', '1'])).status).toBe(2);
  });

  test('an unknown or ambiguous reference exits 2 and deletes nothing', async () => {
    const s = await recorded();
    await s.ok(['add', '--company', 'Acme Labs', '--role', 'SRE', '--date', '2026-12-15']);
    await s.ok(['add', '--company', 'Acme Lanes', '--role', 'SRE', '--date', '2026-12-15']);
    const before = rows(s);
    for (const ref of ['99', '#99', 'umbrella', 'acme la']) {
      const r = await s.run(['delete', ref, '--yes']);
      expect(r.status, ref).toBe(2);
      expect(r.stderr).not.toContain(STACK_LINE);
    }
    expect(rows(s)).toBe(before);
  });
});
