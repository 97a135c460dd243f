import type { NotableKind } from '../data/run-model';
import type { MessageKey } from '../i18n/index';

/**
 * Scrubber tick colour per notable kind (Okabe–Ito, distinguishable with colour-blindness), drawn in
 * this order so the rarer, more important kinds end up on top; handovers are the faintest.
 */
export const MARKS: { kind: NotableKind; color: string; label: MessageKey }[] = [
  { kind: 'handover', color: '#7f8c9d', label: 'event.handover' },
  { kind: 'other', color: '#bbbbbb', label: 'notable.title' },
  { kind: 'linkLoss', color: '#56b4e9', label: 'event.survivalTimeExceeded' },
  { kind: 'safetyStop', color: '#e69f00', label: 'event.safetyStop' },
  { kind: 'failure', color: '#d55e00', label: 'event.failure' },
];

export const MARK_COLOR: Record<NotableKind, string> = Object.fromEntries(
  MARKS.map((m) => [m.kind, m.color]),
) as Record<NotableKind, string>;
