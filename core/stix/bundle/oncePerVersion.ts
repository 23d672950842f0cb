/**
 * Objects gathered from many sources into one bundle (a connector run's events, one after
 * another) hold the same object several times: a TLP marking every event carries, an
 * observable two events name. A bundle holds each id once per `modified`
 * (bundle/read.ts's `duplicate-id`), so the copies of one version are merged by the
 * knowledge base's own rules (merge.ts): labels, external references and markings
 * accumulate and an SCO's missing properties are filled in, so no source's part is lost.
 * Different versions of one id stay, as STIX allows. Order: each version where it first came.
 */
import { mergeVersions } from '../merge.ts';
import type { JsonObject } from '../model/properties.ts';

export function oncePerVersion(objects: Iterable<JsonObject>): JsonObject[] {
  const byVersion = new Map<string, JsonObject>();
  for (const object of objects) {
    const key = `${String(object['id'])}\u0000${typeof object['modified'] === 'string' ? object['modified'] : ''}`;
    const known = byVersion.get(key);
    byVersion.set(key, known === undefined ? object : mergeVersions(known, object).object);
  }
  return [...byVersion.values()];
}
