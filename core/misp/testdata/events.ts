/**
 * Small MISP events written for Magpie's tests (they run without the shared fixtures),
 * and the checks every converter test makes.
 */
import { validateObject, type JsonObject } from '../../stix/index.ts';

export const NOW = '2024-06-01T00:00:00.000Z';
export const EVENT_UUID = '5c7cdc3b-2f40-4dca-8200-276c0a00000e';
export const ORG = { name: 'ACME CERT', uuid: '55f6ea5e-2c60-40e5-964f-47a8950d210f' };

let counter = 0;
/** A fresh RFC 4122 version-4 uuid, predictable within a test run. */
export function uuid(): string {
  counter += 1;
  return `5c7cdc3b-2f40-4dca-8200-${counter.toString(16).padStart(12, '0')}`;
}

export function attribute(type: string, value: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { uuid: uuid(), type, value, category: 'Network activity', to_ids: true, deleted: false, timestamp: '1709294400', comment: '', ...extra };
}

export function mispEvent(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uuid: EVENT_UUID, info: 'Test event', date: '2024-03-01', timestamp: '1709294400', publish_timestamp: '1709298000',
    threat_level_id: '1', analysis: '2', published: true, Orgc: ORG, Tag: [], Attribute: [], ...extra,
  };
}

export const tag = (name: string) => ({ name, colour: '#ffffff', exportable: true });

/**
 * What is wrong with a conversion result as a whole: objects that break a STIX rule,
 * objects given twice, references to objects the result does not hold. Empty when sound.
 */
export function problemsOf(objects: readonly JsonObject[]): string[] {
  const problems: string[] = [];
  const ids = new Set(objects.map((object) => object['id']));
  if (ids.size !== objects.length) problems.push('some objects are given twice');
  for (const object of objects) {
    const id = String(object['id']);
    for (const issue of validateObject(object)) if (issue.severity === 'error') problems.push(`${id}${issue.path}: ${issue.message}`);
    for (const [key, value] of Object.entries(object)) {
      const refs: unknown[] = key.endsWith('_refs') && Array.isArray(value) ? value : key.endsWith('_ref') ? [value] : [];
      for (const ref of refs) if (!ids.has(ref)) problems.push(`${id}.${key} refers to ${String(ref)}, which is not in the result`);
    }
  }
  return problems;
}

export const ofType = (objects: readonly JsonObject[], type: string): JsonObject[] => objects.filter((object) => object['type'] === type);
