/**
 * The report's outcomes (issue 14): accepted and declined are counted; an offer shows the day it
 * had to be answered by, where that was recorded; an offer kept in the history when it was
 * answered is its own, earlier row; an outcome replaced with `--replace` is listed as replaced.
 * Pure: buildReport on plain records.
 */
import { describe, expect, test } from 'vitest';
import type { Application, Outcome, PastOutcome } from '../../src/core/types.js';
import { buildReport, renderReportCsv, renderReportMarkdown } from '../../src/export/report.js';

let nextId = 1;

function app(company: string, outcome: Outcome | null, outcomeDate: string | null, more: Partial<Application> = {}): Application {
  const id = nextId++;
  return {
    id,
    uuid: `00000000-0000-4000-8000-00000000000${id}`,
    company,
    role: 'Engineer',
    why: null,
    rounds: [{ id, number: 1, date: '2026-11-30', time: null, kind: null, decisionBy: null, nextSteps: null, notes: null }],
    contacts: [{ id, name: `${company} Manager`, role: 'hiring-manager', phone: null, email: null, noCalls: false }],
    needs: [],
    expand: [],
    events: [],
    outcome,
    outcomeDate,
    outcomeNote: null,
    notInterested: false,
    ...more,
  };
}

function past(outcome: Outcome, date: string, replacedOn: string, respondBy: string | null = null): PastOutcome {
  return { id: nextId++, outcome, date, note: null, notInterested: false, replacedOn, respondBy };
}

const ACCEPTED = app('Acme', 'accepted', '2026-12-22', { pastOutcomes: [past('offer', '2026-12-16', '2026-12-22', '2026-12-24')] });
const DECLINED = app('Bolt', 'declined', '2026-12-18', { pastOutcomes: [past('offer', '2026-12-14', '2026-12-18')] });
const OPEN_OFFER = app('Cyan', 'offer', '2026-12-17', { respondBy: '2027-01-04' });
const PLAIN_OFFER = app('Dune', 'offer', '2026-12-03');
const REPLACED = app('Echo', 'withdrawn', '2026-12-10', { pastOutcomes: [past('rejected', '2026-12-07', '2026-12-10')] });
const APPS = [ACCEPTED, DECLINED, OPEN_OFFER, PLAIN_OFFER, REPLACED];

const outcomeRows = (from: string, to: string) =>
  buildReport(APPS, from, to, null)
    .rows.filter((r) => r.kind === 'outcome')
    .map((r) => `${r.date} ${r.company}: ${r.activity}`);

describe('report: offers, their deadlines and their answers', () => {
  test('every outcome row, earlier ones of the history included, with deadlines and replacements said', () => {
    expect(outcomeRows('2026-12-01', '2026-12-31')).toEqual([
      '2026-12-03 Dune: Offer received',
      '2026-12-07 Echo: Not selected (replaced on 2026-12-10)',
      '2026-12-10 Echo: Withdrew',
      '2026-12-14 Bolt: Offer received',
      '2026-12-16 Acme: Offer received, to answer by 2026-12-24',
      '2026-12-17 Cyan: Offer received, to answer by 2027-01-04',
      '2026-12-18 Bolt: Offer declined',
      '2026-12-22 Acme: Offer accepted',
    ]);
  });

  test('the counts: offers received, accepted and declined, each outcome once', () => {
    const { counts } = buildReport(APPS, '2026-12-01', '2026-12-31', null);
    expect(counts.outcomes).toEqual({
      'Offer received': 4,
      'Offer accepted': 1,
      'Offer declined': 1,
      'Not selected': 1,
      Withdrew: 1,
    });
    const md = renderReportMarkdown(buildReport(APPS, '2026-12-01', '2026-12-31', null));
    expect(md).toContain('- Offer accepted: 1\n');
    expect(md).toContain('- Offer declined: 1\n');
    expect(md).toContain('| 2026-12-16 | Acme | Engineer | Offer received, to answer by 2026-12-24 | Acme Manager |  |');
  });

  test('the period decides: the offer before it is left out, its acceptance inside it is counted', () => {
    expect(outcomeRows('2026-12-20', '2026-12-31')).toEqual(['2026-12-22 Acme: Offer accepted']);
    const { counts } = buildReport(APPS, '2026-12-20', '2026-12-31', null);
    expect(counts.outcomes).toEqual({ 'Offer accepted': 1 });
    const csv = renderReportCsv(buildReport(APPS, '2026-12-15', '2026-12-16', null));
    expect(csv).toContain('2026-12-16,Acme,Engineer,"Offer received, to answer by 2026-12-24",Acme Manager,');
  });

  test('an undated earlier outcome is not placed in any period', () => {
    const undated = app('Fog', 'withdrawn', '2026-12-11', {
      pastOutcomes: [{ id: 99, outcome: 'offer', date: null, note: null, notInterested: false, replacedOn: '2026-12-11' }],
    });
    const rows = buildReport([undated], '2000-01-01', '2099-12-31', null).rows.filter((r) => r.kind === 'outcome');
    expect(rows.map((r) => r.activity)).toEqual(['Withdrew']);
  });
});
