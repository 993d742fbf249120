/** How a prepare-interview item reads: needs without their "how you meet it", no doubled marks. */
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../src/words/plan.js';

describe('prepare-interview in words', () => {
  it('names the needs without the part after ::, and ends each part inside parentheses without its own mark', () => {
    const text = reasonText(
      {
        code: 'prepare-interview',
        round: 2,
        date: '2026-12-08',
        time: '15:00',
        kind: 'video',
        interviewers: ['Priya Natarajan'],
        needs: ['Postgres on-call :: I carried the pager for two years', 'mentoring'],
        expand: ['We cut p99 latency by 60%.'],
        nextSteps: 'a final round with the CTO.',
      },
      '2026-12-07',
    );
    expect(text).toContain('(Postgres on-call; mentoring)');
    expect(text).not.toContain('::');
    expect(text).not.toContain('I carried the pager');
    expect(text).toContain('(We cut p99 latency by 60%)');
    expect(text).toContain('(a final round with the CTO)');
    expect(text).not.toMatch(/[.!?]\)/);
    expect(text).not.toMatch(/\.\./);
  });
});
