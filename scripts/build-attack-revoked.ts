/**
 * Writes resources/extraction/attack-revoked.json from the ATT&CK bundles of the shared
 * fixtures (Enterprise, Mobile, ICS), by type (core/attack/revokedIds.ts). Run when the
 * fixtures move to a new ATT&CK release: `node scripts/build-attack-revoked.ts`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { liveAttackIds, retiredAttackIds } from '../core/attack/revokedIds.ts';
import { attackObjects } from '../testkit/attackBundles.ts';

export const REVOKED_LIST_VERSION = { enterprise: '18.1', mobile: '17.1', ics: '18.1' } as const;

export function buildRevokedList(): { name: string; source: string; ids: Record<string, string> } {
  const domains = ['ics', 'mobile', 'enterprise'] as const;
  const ids: Record<string, string> = {};
  // Enterprise last: where a number is retired in several domains its sentence wins.
  for (const domain of domains) Object.assign(ids, retiredAttackIds(attackObjects(domain), REVOKED_LIST_VERSION[domain]));
  // An id live in any domain is never flagged.
  const live = new Set(domains.flatMap((domain) => [...liveAttackIds(attackObjects(domain))]));
  const sorted: Record<string, string> = {};
  for (const id of Object.keys(ids).sort()) if (!live.has(id)) sorted[id] = ids[id] ?? '';
  return {
    name: 'MITRE ATT&CK revoked and deprecated ids, by object type (Enterprise v18.1, Mobile v17.1, ICS v18.1)',
    source: 'mitre-attack/attack-stix-data enterprise-attack-18.1, mobile-attack-17.1, ics-attack-18.1 (MITRE ATT&CK terms of use; © The MITRE Corporation)',
    ids: sorted,
  };
}

if (import.meta.main) {
  const target = resolve(import.meta.dirname, '../resources/extraction/attack-revoked.json');
  writeFileSync(target, `${JSON.stringify(buildRevokedList(), null, 1)}\n`);
  console.info(`wrote ${target}`);
}
