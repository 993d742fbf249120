/** Where an interview lands and how contacts merge: decided by the domain, carried out by the store. */
import { describe, expect, it } from 'vitest';
import { applicationForInterview, isSameApplication, mergeContacts, type KnownContact } from '../../src/core/applications.js';

describe('applicationForInterview', () => {
  const active = [
    { id: 1, company: 'Acme', role: 'Backend Engineer' },
    { id: 4, company: 'ACME', role: 'backend engineer' },
    { id: 2, company: 'Acme', role: 'Data Engineer' },
  ];
  it('is the newest active application of the same company and role, ignoring case', () => {
    expect(applicationForInterview(active, { company: 'acme', role: 'Backend ENGINEER' })?.id).toBe(4);
    expect(applicationForInterview(active, { company: 'Acme', role: 'Data Engineer' })?.id).toBe(2);
  });
  it('is null for another role or company: a new application', () => {
    expect(applicationForInterview(active, { company: 'Acme', role: 'QA Lead' })).toBeNull();
    expect(applicationForInterview(active, { company: 'Globex', role: 'Backend Engineer' })).toBeNull();
    expect(isSameApplication({ company: 'Société', role: 'Dev' }, { company: 'SOCIÉTÉ', role: 'dev' })).toBe(true);
  });
});

describe('mergeContacts', () => {
  const known: KnownContact[] = [
    { id: 1, name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100', email: null },
    { id: 2, name: 'Sam Lee', role: 'hr', phone: null, email: 'sam@acme.example' },
    { id: 3, name: 'Priya', role: 'interviewer', phone: null, email: null },
  ];
  it('the same person in the same role gains what was typed and keeps the rest', () => {
    expect(mergeContacts(known, [{ name: 'dana reyes', role: 'hiring-manager', email: 'dana@acme.example' }])).toEqual([
      { kind: 'update', id: 1, phone: '+1 555 0100', email: 'dana@acme.example' },
    ]);
  });
  it('a new hiring manager or HR contact replaces the one known; an interviewer is added', () => {
    expect(
      mergeContacts(known, [
        { name: 'Hank Scorpio', role: 'hiring-manager', phone: '+1 555 0199' },
        { name: 'Jordan Kim', role: 'hr' },
        { name: 'Li Wei', role: 'interviewer' },
      ]),
    ).toEqual([
      { kind: 'replace', id: 1, name: 'Hank Scorpio', phone: '+1 555 0199', email: null },
      { kind: 'replace', id: 2, name: 'Jordan Kim', phone: null, email: null },
      { kind: 'add', id: -4, contact: { name: 'Li Wei', role: 'interviewer', phone: null, email: null } },
    ]);
  });
  it('a person typed twice in one change is added once, with both details', () => {
    const changes = mergeContacts([], [
      { name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100' },
      { name: 'DANA REYES', role: 'hiring-manager', email: 'dana@acme.example' },
      { name: 'Li Wei', role: 'interviewer' },
      { name: 'Li Wei', role: 'interviewer' },
    ]);
    expect(changes).toEqual([
      { kind: 'add', id: -1, contact: { name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100', email: 'dana@acme.example' } },
      { kind: 'add', id: -2, contact: { name: 'Li Wei', role: 'interviewer', phone: null, email: null } },
    ]);
  });
});
