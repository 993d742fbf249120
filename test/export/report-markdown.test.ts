/**
 * The Markdown report escapes every text that comes from the store, because Markdown renderers
 * render raw HTML: no tag, comment, autolink, entity, link or image gets through, and a pipe,
 * a backslash or a newline never breaks the table. Decoded, every cell reads as it was typed.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderReportMarkdown, type Report, type ReportRow } from '../../src/export/report.js';

const HOSTILE = [
  '<script>alert(1)</script> & Co',
  '<img src=x onerror=alert(1)>',
  '<!-- hidden -->',
  '<https://evil.example>',
  '[click](javascript:alert(1))',
  '![pixel](https://evil.example/p.png)',
  '`<b>` &lt;b&gt; &amp;',
  'a|b \\| c\\\\|d \\',
  'two\nlines\r\nand\rmore',
];

function row(text: string, i: number): ReportRow {
  return { date: '2026-11-02', id: i + 1, company: text, role: text, activity: text, kind: 'contact', contact: text, channel: text };
}

function report(rows: ReportRow[], person: string | null): Report {
  return {
    from: '2026-11-01',
    to: '2026-11-30',
    person,
    rows,
    counts: { applications: rows.length, interviews: 0, contacts: rows.length, letters: 0, outcomes: {} },
  };
}

/** The cells of a table line, split where a renderer splits them: at a pipe after an even run of backslashes. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\' && i + 1 < line.length) {
      cell += line[i] + line[i + 1];
      i++;
    } else if (line[i] === '|') {
      out.push(cell);
      cell = '';
    } else {
      cell += line[i];
    }
  }
  out.push(cell);
  return out.slice(1, -1).map((c) => c.trim());
}

/** A cell as a CommonMark renderer shows it: backslash escapes of punctuation and the entities decoded. */
function shown(cell: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', '#91': '[', '#93': ']', '#96': '`' };
  return cell.replace(/\\([!-/:-@[-`{-~])|&(amp|lt|gt|#91|#93|#96);/g, (_, punct?: string, entity?: string) => punct ?? entities[entity!]);
}

function expectSafe(md: string): void {
  expect(md).not.toMatch(/[<>[\]`]/);
  // Every & starts one of the entities the report writes.
  expect(md.match(/&(?!(amp|lt|gt|#91|#93|#96);)/g)).toBeNull();
}

describe('the Markdown report', () => {
  test('escapes HTML, links, images and code spans in every column, the title included', () => {
    const md = renderReportMarkdown(report(HOSTILE.map(row), '<b>Alex</b> [me](javascript:x)\n# not a heading'));
    expectSafe(md);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^# Job search activity of &lt;b&gt;Alex&lt;\/b&gt; &#91;me&#93;\(javascript:x\) # not a heading, /);
    expect(lines.filter((l) => l.startsWith('#'))).toHaveLength(1);
  });

  test('the table keeps six columns, and each cell reads as typed (newlines as spaces)', () => {
    const md = renderReportMarkdown(report(HOSTILE.map(row), null));
    const rows = md.split('\n').filter((l) => l.startsWith('| 2026-'));
    expect(rows).toHaveLength(HOSTILE.length);
    rows.forEach((line, i) => {
      const got = cells(line);
      expect(got, line).toHaveLength(6);
      const typed = HOSTILE[i].replace(/\r\n|[\r\n]/g, ' ').trim();
      for (const c of got.slice(1)) expect(shown(c)).toBe(typed);
    });
  });

  test('any text (of HTML and table characters) is safe, keeps six columns, and reads as typed', () => {
    const text = fc.string({ unit: fc.constantFrom('<', '>', '&', '[', ']', '`', '|', '\\', '!', '(', ')', 'a', ' ', ';', '#') });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (texts) => {
        const md = renderReportMarkdown(report(texts.map(row), null));
        expectSafe(md);
        const rows = md.split('\n').filter((l) => l.startsWith('| 2026-'));
        rows.forEach((line, i) => {
          const got = cells(line);
          expect(got).toHaveLength(6);
          expect(shown(got[1])).toBe(texts[i].trim());
        });
      }),
    );
  });
});
