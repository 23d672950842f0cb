/**
 * MISP tags: TLP tags become marking-definitions, `misp-galaxy:` tags name galaxy
 * clusters, and every other tag becomes a label (as OpenCTI's MISP connector does).
 * Distribution and sharing groups are MISP's own access control, not markings.
 */
import { compareTlp, TLP_1, TLP_2, type MarkingDefinition, type TlpLevel } from '../stix/index.ts';
import { MispTag, parseEach } from './schema.ts';

export interface Tlp {
  readonly level: TlpLevel;
  readonly marking: MarkingDefinition;
}

/**
 * The MISP `tlp` taxonomy mixes TLP 1.0 (white) and 2.0 (clear, amber+strict) names; each
 * maps to the marking of the version it names, and the colours both versions share to
 * the TLP 1.0 definitions STIX 2.1 predefines (§7.2.1.4), as OpenCTI does.
 */
const TLP_TAGS: Readonly<Record<string, Tlp>> = {
  'tlp:white': { level: 'clear', marking: TLP_1.white },
  'tlp:clear': { level: 'clear', marking: TLP_2.clear },
  'tlp:green': { level: 'green', marking: TLP_1.green },
  'tlp:amber': { level: 'amber', marking: TLP_1.amber },
  'tlp:amber+strict': { level: 'amber+strict', marking: TLP_2['amber+strict'] },
  'tlp:red': { level: 'red', marking: TLP_1.red },
};

const GALAXY_TAG = /^misp-galaxy:([^=]+)="(.*)"$/s;

export interface GalaxyTag {
  readonly galaxyType: string;
  readonly value: string;
  readonly tagName: string;
}

export interface TagSummary {
  /** The strictest TLP tag, when there is one. */
  readonly tlp?: Tlp;
  readonly labels: string[];
  readonly galaxyTags: GalaxyTag[];
}

function tlpOfTag(name: string): Tlp | undefined {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(TLP_TAGS, key) ? TLP_TAGS[key] : undefined;
}

export function summariseTags(tags: readonly unknown[] | null | undefined): TagSummary {
  let tlp: Tlp | undefined;
  const labels: string[] = [];
  const galaxyTags: GalaxyTag[] = [];
  for (const { name } of parseEach(MispTag, tags).valid) {
    const tagTlp = tlpOfTag(name);
    const galaxy = GALAXY_TAG.exec(name.trim());
    // Several TLP tags on one item: sharing must honour the strictest.
    if (tagTlp !== undefined) {
      if (tlp === undefined || compareTlp(tagTlp.level, tlp.level) > 0) tlp = tagTlp;
    } else if (galaxy?.[1] !== undefined && galaxy[2] !== undefined) {
      galaxyTags.push({ galaxyType: galaxy[1], value: galaxy[2], tagName: name.trim() });
    } else if (name.trim() !== '' && !labels.includes(name.trim())) {
      labels.push(name.trim());
    }
  }
  return { ...(tlp === undefined ? {} : { tlp }), labels, galaxyTags };
}

export function strictest(...levels: (Tlp | undefined)[]): Tlp | undefined {
  return levels.reduce<Tlp | undefined>((best, tlp) => (tlp !== undefined && (best === undefined || compareTlp(tlp.level, best.level) > 0) ? tlp : best), undefined);
}
