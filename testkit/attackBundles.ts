/** The ATT&CK bundles of the shared fixtures, read once per test file (they are large). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fixturePath, fixturesAvailable, hasFixture } from './fixtures.ts';
import type { StixObject } from '../core/stix/model/types.ts';

export const ATTACK_FILES = {
  enterprise: 'enterprise-attack-18.1.stix21-reconstructed.json.gz',
  mobile: 'mobile-attack-17.1.json.gz',
  ics: 'ics-attack-18.1.json.gz',
} as const;

export const APT29 = 'intrusion-set--899ce53f-13a0-479b-a0e4-67d46e241542';

export const attackBundlesAvailable: boolean = fixturesAvailable && Object.values(ATTACK_FILES).every((file) => hasFixture('mitre-attack', file));

const cache = new Map<string, StixObject[]>();

export function attackObjects(which: keyof typeof ATTACK_FILES): StixObject[] {
  const cached = cache.get(which);
  if (cached) return cached;
  const bundle = JSON.parse(gunzipSync(readFileSync(fixturePath('mitre-attack', ATTACK_FILES[which]))).toString('utf8')) as { objects: StixObject[] };
  cache.set(which, bundle.objects);
  return bundle.objects;
}

/** What an object `uses` directly in a bundle, live relationships to live attack-patterns: what its matrix must highlight. */
export function usedTechniques(objects: readonly StixObject[], id: string): Set<string> {
  const live = (object: StixObject | undefined) => object !== undefined && object['revoked'] !== true && object['x_mitre_deprecated'] !== true;
  const byId = new Map(objects.map((object) => [object.id, object]));
  return new Set(
    objects.flatMap((object) =>
      object.type === 'relationship' && live(object) && object['relationship_type'] === 'uses' && object['source_ref'] === id &&
      String(object['target_ref']).startsWith('attack-pattern--') && live(byId.get(String(object['target_ref'])))
        ? [String(object['target_ref'])]
        : [],
    ),
  );
}
