/** The kind a `draft` or `templates edit` names, checked (shared by both commands). */
import { DRAFT_KINDS, type DraftKind } from '../drafts/data.js';
import { closest } from '../core/suggest.js';
import { UsageError } from '../errors.js';

/** Check a kind name. */
export function parseDraftKind(text: string): DraftKind {
  const t = text.trim().toLowerCase();
  if ((DRAFT_KINDS as readonly string[]).includes(t)) return t as DraftKind;
  const meant = closest(t, DRAFT_KINDS);
  throw new UsageError(`Unknown draft "${text}".${meant ? ` Did you mean ${meant}?` : ''} Kinds: ${DRAFT_KINDS.join(', ')}.`);
}
