/**
 * Issue 12, part 2 (text hygiene): honorifics parsed off names and the `salutation` setting,
 * user text joined into sentences without doubled or missing punctuation, and wording that
 * follows the interview's kind.
 */
import { describe, expect, test } from 'vitest';
import { DRAFT_KINDS, greetingName, parseName, sentence, type DraftKind } from '../../src/drafts/data.js';
import { buildDraftData } from '../../src/drafts/data.js';
import { ADD_ACME, contact, DANA, draft, fullScene, ME_FULL, request, round, sandboxes, type Scene } from './helpers.js';

const DOUBLED = /[.!?][.!?]/;

/** The text with every "..." taken out, then checked for two marks in a row. */
function doubled(text: string): string[] {
  return text
    .replace(/\.\.\./g, '')
    .split('\n')
    .filter((line) => DOUBLED.test(line));
}

/** The full scene of a kind with the hiring manager renamed. */
function withManager(kind: DraftKind, name: string, salutation?: 'first-name' | 'formal'): Scene {
  const scene = fullScene(kind);
  const contacts = scene.app.contacts.map((c) => (c.name === DANA.name ? { ...c, name } : c));
  const events = scene.app.events.map((e) => (e.withName === DANA.name ? { ...e, withName: name } : e));
  return {
    ...scene,
    app: { ...scene.app, contacts, events },
    to: scene.to === DANA.name ? name : scene.to,
    me: { ...scene.me, salutation },
  };
}

describe('honorifics', () => {
  test.each([
    ['Dr. Dana Reyes-Smith', 'Dr.', 'Dana', 'Reyes-Smith'],
    ['dr Dana Reyes-Smith', 'Dr.', 'Dana', 'Reyes-Smith'],
    ['PROF. Ana de la Cruz', 'Prof.', 'Ana', 'de la Cruz'],
    ['Prof Dr. Anna Schmidt', 'Prof.', 'Anna', 'Schmidt'],
    ['Mr. Lee', 'Mr.', 'Lee', ''],
    ['Mrs Jones', 'Mrs.', 'Jones', ''],
    ['ms Dana Reyes', 'Ms.', 'Dana', 'Reyes'],
    ['Mx. Sam Lee', 'Mx.', 'Sam', 'Lee'],
    ['Dana Reyes', null, 'Dana', 'Reyes'],
    ['Drew Barry', null, 'Drew', 'Barry'],
    ['Msgr Dana', null, 'Msgr', 'Dana'],
  ])('%s', (name, honorific, first, rest) => {
    expect(parseName(name)).toEqual({ honorific, first, rest });
  });

  test('the greeting name: the honorific and surname when one is recorded, else the first or full name', () => {
    expect(greetingName('Dr. Dana Reyes-Smith')).toBe('Dr. Reyes-Smith');
    expect(greetingName('Dr. Dana Reyes-Smith', 'formal')).toBe('Dr. Reyes-Smith');
    expect(greetingName('ms Dana Reyes', 'formal')).toBe('Ms. Reyes');
    expect(greetingName('Dana Reyes')).toBe('Dana');
    expect(greetingName('Dana Reyes', 'formal')).toBe('Dana Reyes');
    expect(greetingName('Dana', 'formal')).toBe('Dana');
  });

  describe.each(DRAFT_KINDS.map((k) => [k] as [DraftKind]))('%s', (kind) => {
    const salutationLine = (text: string) => text.split('\n').find((l) => /^(Dear |\s*"Hello [^,]*, this is)/.test(l)) ?? '';

    test('"Dr. Dana Reyes-Smith" is greeted "Dr. Reyes-Smith" under both settings, never "Dr.,"', () => {
      for (const salutation of ['first-name', 'formal'] as const) {
        const scene = withManager(kind, 'Dr. Dana Reyes-Smith', salutation);
        const data = buildDraftData(request(kind, scene));
        if (data.recipient.name !== 'Dr. Dana Reyes-Smith') continue;
        expect(data.recipient.firstName).toBe('Dana');
        expect(data.recipient.greeting).toBe('Dr. Reyes-Smith');
        const text = draft(kind, scene);
        expect(salutationLine(text)).toContain('Dr. Reyes-Smith,');
        expect(text).not.toMatch(/(Dear|Hello) Dr\.,/);
      }
    });

    test('without an honorific: the first name, or the full name when formal', () => {
      const plain = draft(kind, withManager(kind, 'Dana Reyes'));
      const formal = draft(kind, withManager(kind, 'Dana Reyes', 'formal'));
      const data = buildDraftData(request(kind, withManager(kind, 'Dana Reyes', 'formal')));
      if (data.recipient.name !== 'Dana Reyes') return;
      expect(salutationLine(plain)).toMatch(/(Dear|Hello) Dana,/);
      expect(salutationLine(formal)).toMatch(/(Dear|Hello) Dana Reyes,/);
    });
  });

  test('my own first name is never an honorific either', () => {
    const data = buildDraftData(request('thanks', { ...fullScene('thanks'), me: { ...ME_FULL, name: 'Dr. Alex Morgan' } }));
    expect(data.me.firstName).toBe('Alex');
    expect(data.me.greeting).toBe('Dr. Morgan');
  });

  test('an interviewer with an honorific gets a thank-you greeting them by it', () => {
    const scene = fullScene('thanks');
    const app = { ...scene.app, contacts: [...scene.app.contacts, contact(9, 'Prof Ana de la Cruz', 'interviewer')] };
    const text = draft('thanks', { ...scene, app, to: 'Prof Ana de la Cruz' });
    expect(text).toContain('Dear Prof. de la Cruz,');
  });
});

describe('`followup config set salutation`', () => {
  const sandbox = sandboxes();

  test('accepts formal and first-name, and the letters follow it', async () => {
    const s = sandbox('2026-12-01');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(ADD_ACME);
    expect((await s.ok(['config', 'get', 'salutation'])).stdout.trim()).toBe('first-name');
    expect((await s.ok(['draft', 'thanks', '1'])).stdout).toContain('Dear Dana,');
    await s.ok(['config', 'set', 'salutation', 'formal']);
    expect((await s.ok(['config', 'get', 'salutation'])).stdout.trim()).toBe('formal');
    expect((await s.ok(['draft', 'thanks', '1'])).stdout).toContain('Dear Dana Reyes,');
    await s.ok(['config', 'set', 'salutation', 'first-name']);
    expect((await s.ok(['draft', 'thanks', '1'])).stdout).toContain('Dear Dana,');
  });

  test.each([['Formal'], ['dr'], [''], ['first name']])('refuses %j with exit 2, naming what it takes', async (value) => {
    const s = sandbox('2026-12-01');
    const r = await s.run(['config', 'set', 'salutation', value]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('first-name or formal');
    expect((await s.ok(['config', 'get', 'salutation'])).stdout.trim()).toBe('first-name');
  });
});

describe('user text is joined into sentences', () => {
  test.each([
    ['it is the system I want', 'it is the system I want.'],
    ['it is the system I want.', 'it is the system I want.'],
    ['it is the system I want!', 'it is the system I want!'],
    ['who would not want that?', 'who would not want that?'],
    ['wow!!', 'wow!'],
    ['really?!', 'really!'],
    ['yes!.', 'yes!'],
    ['and so on...', 'and so on...'],
    ['  padded  ', 'padded.'],
    ['he said "go."', 'he said "go."'],
    ['   ', null],
    ['!', null],
  ])('sentence(%j) is %j', (text, expected) => {
    expect(sentence(text)).toBe(expected);
  });

  test('a sentence start is capitalised', () => {
    expect(sentence('i just finished a course', true)).toBe('I just finished a course.');
  });

  const ENDINGS = ['', '.', '!', '?'];

  test.each(ENDINGS.map((e) => [e]))('thanks: why, needs and expand ending in %j', (end) => {
    const scene = fullScene('thanks');
    const app = {
      ...scene.app,
      why: `the payments platform is what I want${end}`,
      needs: [`Postgres on-call :: i ran the rotation${end}`],
      expand: [`when you asked about scaling, I left out sharding${end}`],
    };
    const text = draft('thanks', { ...scene, app });
    const mark = end === '' ? '.' : end;
    expect(text).toContain(`What draws me to it is simple: the payments platform is what I want${mark}\n`);
    expect(text).toContain(`- Postgres on-call: i ran the rotation${mark}\n`);
    expect(text).toContain(`\nWhen you asked about scaling, I left out sharding${mark}\n`);
    expect(doubled(text)).toEqual([]);
  });

  test.each(ENDINGS.map((e) => [e]))('keep-in-touch: a lower-case reason ending in %j', (end) => {
    const scene = fullScene('keep-in-touch');
    const text = draft('keep-in-touch', { ...scene, reason: `i just finished a course on distributed systems${end}` });
    expect(text).toContain(`\nI just finished a course on distributed systems${end === '' ? '.' : end}\n`);
    expect(doubled(text)).toEqual([]);
  });
});

describe('the thank-you follows the interview kind', () => {
  test.each([
    ['phone', 'after our call'],
    ['video', 'after our video call'],
    ['onsite', 'after visiting you'],
    [null, 'after our interview'],
  ] as const)('%s: "%s"', (kind, words) => {
    const scene = fullScene('thanks');
    const app = { ...scene.app, rounds: [round({ ...scene.app.rounds[0], kind })] };
    const text = draft('thanks', { ...scene, app });
    expect(text).toContain(`I am even more interested in the job ${words}.`);
    expect(text).not.toContain('when I arrived');
    for (const other of ['after our call', 'after our video call', 'after visiting you', 'after our interview']) {
      if (other !== words) expect(text).not.toContain(other);
    }
  });

  test.each(DRAFT_KINDS.map((k) => [k] as [DraftKind]))('%s after a phone interview says nothing of arriving or visiting', (kind) => {
    const scene = fullScene(kind);
    const app = { ...scene.app, rounds: scene.app.rounds.map((r) => ({ ...r, kind: 'phone' as const })) };
    const text = draft(kind, { ...scene, app });
    expect(text).not.toMatch(/arriv|visit|came in|office|in person|on site|video/i);
  });
});
