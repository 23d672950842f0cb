import type { AttackIdKind } from '../extract/types.ts';

/** The kind of an ATT&CK id in English words (descriptions here, badges in the review). */
export const ATTACK_KIND_LABELS: Readonly<Record<AttackIdKind, string>> = {
  technique: 'technique',
  'sub-technique': 'sub-technique',
  tactic: 'tactic',
  group: 'group',
  software: 'software',
  mitigation: 'mitigation',
  campaign: 'campaign',
  'data-source': 'data source',
};
