/**
 * The tabs of an object's page, in OpenCTI's order (issue 15), and which types have which.
 * The route names a tab by these ids (`#/object/<id>/knowledge`).
 */
import type { LinkView } from '../kb/queries/entityLinks.ts';

export const entityTabIds = [
  'overview',
  'knowledge',
  'contents',
  'analyses',
  'indicators',
  'observables',
  'sightings',
  'matrix',
  'references',
  'provenance',
  'history',
  'stix',
] as const;

export type EntityTab = (typeof entityTabIds)[number];

/** Part B's ATT&CK matrix (renderer/src/attack/ObjectMatrix.tsx) is offered for these. */
const MATRIX_TYPES = new Set(['intrusion-set', 'threat-actor', 'campaign', 'malware', 'tool', 'report', 'grouping']);
const CONTAINER_TYPES = new Set(['report', 'grouping', 'note', 'opinion', 'observed-data']);
/** Objects that are links or definitions themselves: no knowledge of their own to list. */
const NO_LINKS = new Set(['relationship', 'sighting', 'marking-definition']);

export function tabsFor(type: string): EntityTab[] {
  return entityTabIds.filter((tab) => {
    switch (tab) {
      case 'matrix':
        return MATRIX_TYPES.has(type);
      case 'contents':
        return CONTAINER_TYPES.has(type);
      case 'knowledge':
      case 'analyses':
      case 'indicators':
      case 'observables':
      case 'sightings':
        return !NO_LINKS.has(type);
      default:
        return true;
    }
  });
}

export function isEntityTab(value: string | null): value is EntityTab {
  return value !== null && (entityTabIds as readonly string[]).includes(value);
}

export const linkViews: Partial<Record<EntityTab, LinkView>> = {
  knowledge: 'knowledge',
  analyses: 'analyses',
  indicators: 'indicators',
  observables: 'observables',
  sightings: 'sightings',
};
