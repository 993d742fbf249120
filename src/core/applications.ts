/**
 * What decides how a recorded interview lands: as the next round of an application already open,
 * or as a new one; and how the people it names merge with those already known. Pure: the store
 * reads the candidates and carries out what is decided here.
 */
import type { ContactRole } from './types.js';

/** Company and role as the user typed them. */
export interface ApplicationKey {
  company: string;
  role: string;
}

/** Whether an interview belongs to an application: the same company and role, ignoring case. */
export function isSameApplication(app: ApplicationKey, interview: ApplicationKey): boolean {
  return app.company.toLowerCase() === interview.company.toLowerCase() && app.role.toLowerCase() === interview.role.toLowerCase();
}

/**
 * The active application an interview is the next round of (the newest, should there be two),
 * or null for a new application.
 */
export function applicationForInterview<A extends ApplicationKey & { id: number }>(
  active: readonly A[],
  interview: ApplicationKey,
): A | null {
  let found: A | null = null;
  for (const app of active) if (isSameApplication(app, interview) && (!found || app.id > found.id)) found = app;
  return found;
}

/** A person as known, or as typed. */
export interface KnownContact {
  id: number;
  name: string;
  role: ContactRole;
  phone: string | null;
  email: string | null;
}
export interface TypedContact {
  name: string;
  role: ContactRole;
  phone?: string | null;
  email?: string | null;
  /** What an interviewer talked about; a new one replaces the old. */
  topic?: string | null;
}

/** One change to an application's contacts (an added one has a placeholder id below zero). */
export type ContactChange =
  | { kind: 'update'; id: number; phone: string | null; email: string | null; topic?: string | null }
  | { kind: 'replace'; id: number; name: string; phone: string | null; email: string | null; topic?: string | null }
  | { kind: 'add'; id: number; contact: TypedContact };

/** The topic typed, as a field only when one was typed. */
function topicOf(c: TypedContact): { topic?: string } {
  return c.topic != null ? { topic: c.topic } : {};
}

/** Roles an application has one of: a new name replaces the old one. */
const ONE_PER_APPLICATION: ReadonlySet<ContactRole> = new Set(['hiring-manager', 'hr']);

/**
 * How typed contacts merge with the known ones: the same name in the same role (ignoring case)
 * gains the details typed; a new hiring manager or HR contact replaces the one known (an
 * application has one of each, and a new one starts with calls allowed); anyone else is added.
 */
export function mergeContacts(known: readonly KnownContact[], typed: readonly TypedContact[]): ContactChange[] {
  const people = known.map((c) => ({ ...c }));
  const changes: ContactChange[] = [];
  // A person added by this same change is changed in place (their id is not known yet).
  const change = (id: number, next: ContactChange & { kind: 'update' | 'replace' }) => {
    const added = changes.find((ch) => ch.kind === 'add' && ch.id === id) as (ContactChange & { kind: 'add' }) | undefined;
    if (added) {
      added.contact = {
        ...added.contact,
        ...(next.kind === 'replace' ? { name: next.name } : {}),
        phone: next.phone,
        email: next.email,
        ...(next.topic != null || added.contact.topic != null ? { topic: next.topic ?? added.contact.topic } : {}),
      };
    } else {
      changes.push(next);
    }
  };
  for (const c of typed) {
    const same = people.find((p) => p.role === c.role && p.name.toLowerCase() === c.name.toLowerCase());
    if (same) {
      same.phone = c.phone ?? same.phone;
      same.email = c.email ?? same.email;
      change(same.id, { kind: 'update', id: same.id, phone: same.phone, email: same.email, ...topicOf(c) });
      continue;
    }
    const current = ONE_PER_APPLICATION.has(c.role) ? people.find((p) => p.role === c.role) : undefined;
    if (current) {
      Object.assign(current, { name: c.name, phone: c.phone ?? null, email: c.email ?? null });
      change(current.id, {
        kind: 'replace', id: current.id, name: c.name, phone: current.phone, email: current.email, ...topicOf(c),
      });
      continue;
    }
    const id = -(people.length + 1);
    changes.push({
      kind: 'add', id, contact: { name: c.name, role: c.role, phone: c.phone ?? null, email: c.email ?? null, ...topicOf(c) },
    });
    people.push({ id, name: c.name, role: c.role, phone: c.phone ?? null, email: c.email ?? null });
  }
  return changes;
}
