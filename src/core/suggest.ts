/** "Did you mean ...?": the closest of some names to a mistyped one. Pure. */

/** The edit distance of two words (insertions, deletions, substitutions and swaps of neighbours). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The name meant by `typed`, or null: the only name it begins (`thank` for thanks... only when
 * one name starts so), else the nearest within a third of its length (at least one edit).
 */
export function closest(typed: string, names: readonly string[]): string | null {
  const t = typed.trim().toLowerCase();
  if (t === '') return null;
  const starting = names.filter((n) => n.toLowerCase().startsWith(t));
  if (starting.length >= 1) return starting[0];
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const n of names) {
    const distance = editDistance(t, n.toLowerCase());
    if (distance < bestDistance) {
      best = n;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(t.length / 3)) ? best : null;
}
