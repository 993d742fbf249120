/** The plain greedy wrap, word by word, widths as visibleWidth measures them: the oracle wrap()'s fast paths are checked against. */
import { visibleWidth } from '../../src/ui/output.js';

export function referenceWrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && visibleWidth(indent) + visibleWidth(line) + 1 + visibleWidth(word) > width) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(indent + line);
  }
  return lines.join('\n');
}
