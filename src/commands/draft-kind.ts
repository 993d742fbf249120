/** The kind a `draft` or `templates edit` names, checked (shared by both commands). */
import { DRAFT_KINDS, type DraftKind } from '../drafts/data.js';
import { UsageError } from '../errors.js';

/** Check a kind name. */
export function parseDraftKind(text: string): DraftKind {
  const t = text.trim().toLowerCase();
  if ((DRAFT_KINDS as readonly string[]).includes(t)) return t as DraftKind;
  throw new UsageError(`Unknown draft "${text}". Kinds: ${DRAFT_KINDS.join(', ')}.`);
}
