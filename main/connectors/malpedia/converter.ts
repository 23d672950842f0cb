/**
 * Malpedia to STIX 2.1, following OpenCTI's `malpedia` connector:
 *
 * - the "Malpedia" organization `identity` is the `created_by_ref` of everything;
 * - family → `malware` with is_family, name = `common_name` (else the family id), aliases =
 *   `alt_names` and the family id, the description (else "Malpedia entry for <id>"), and
 *   external references: the family's Malpedia page (external_id = the family id) then each
 *   of its `urls`;
 * - actor → `intrusion-set` (name = `value`, aliases = `meta.synonyms`, motivations from
 *   `cfr-type-of-incident`, references: its Malpedia page and `meta.refs`) that `uses` the
 *   family; `meta.country` → a country `location` it `originates-from`, the countries among
 *   `cfr-suspected-victims` → `location`s it `targets`;
 * - YARA rule → `indicator` (pattern_type `yara`, name = the rule's file name) marked with the
 *   TLP of its Malpedia folder, that `indicates` the family;
 * - sample (with an API key) → `file` with its SHA-256 and an `indicator` on it that
 *   `indicates` the family (`based-on` the file, the file `related-to` the family).
 *
 * Ids are deterministic, as elsewhere in Magpie (core/stix/ids.ts): the same family, actor,
 * country or rule from any source is one object, and a rerun updates instead of duplicating.
 */
import {
  derivedId, generateScoId, identityId, patternFor, TLP_2, validateObject, type JsonObject, type MarkingDefinition, type TlpLevel,
} from '../../../core/stix/index.ts';
import { tlpMarking } from '../otx/tlp.ts';
import { countryCode, countryName } from './countries.ts';
import type { MalpediaActor, MalpediaFamily, MalpediaSamples, MalpediaYara } from './schema.ts';

export const PROVIDER = 'Malpedia';
const PROVIDER_DESCRIPTION = 'Malpedia (Fraunhofer FKIE): a curated library of malware families, the actors using them and YARA rules to identify them.';
const SHA256 = /^[0-9a-f]{64}$/;

export interface ConvertOptions {
  /** The Malpedia site the pages are linked on. */
  baseUrl: string;
  tlp: TlpLevel;
  samplesTlp: TlpLevel;
  /** The library version's time: the `created`/`modified` of what Malpedia does not date. */
  time: string;
}

/** `2023-05-04` (a family's `updated`) as a STIX timestamp, or `undefined`. */
export function dayTime(day: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const time = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** One run's objects, by id (a country or an actor shared by several families is one object). */
export class MalpediaStix {
  readonly objects = new Map<string, JsonObject>();
  readonly warnings = new Map<string, number>();
  readonly identityId = identityId(PROVIDER, 'organization');
  readonly #options: ConvertOptions;
  readonly #site: string;
  readonly #marking: MarkingDefinition;

  constructor(options: ConvertOptions) {
    this.#options = options;
    this.#site = options.baseUrl.replace(/\/+$/, '');
    this.#marking = TLP_2[options.tlp];
    const identity = {
      type: 'identity', spec_version: '2.1', id: this.identityId, created: options.time, modified: options.time,
      name: PROVIDER, description: PROVIDER_DESCRIPTION, identity_class: 'organization',
    };
    this.#put([this.#marking, identity], 'the Malpedia identity');
  }

  warn(message: string): void {
    this.warnings.set(message, (this.warnings.get(message) ?? 0) + 1);
  }

  /** The common properties of an SDO or SRO (STIX 2.1 §3.2), made by Malpedia. */
  #base(type: string, id: string, time: string, marking: MarkingDefinition, extra: JsonObject): JsonObject {
    return { type, spec_version: '2.1', id, created: time, modified: time, created_by_ref: this.identityId, object_marking_refs: [marking.id], ...extra };
  }

  #relationship(source: string, type: string, target: string, marking: MarkingDefinition = this.#marking, time = this.#options.time): JsonObject {
    const ends = { relationship_type: type, source_ref: source, target_ref: target };
    return this.#base('relationship', derivedId('relationship', ends), time, marking, ends);
  }

  /** Keeps the objects made from one item, or none of them when one is not valid STIX. */
  #put(group: readonly JsonObject[], what: string): boolean {
    for (const object of group) {
      const error = validateObject(object).find((issue) => issue.severity === 'error');
      if (error !== undefined) {
        this.warn(`Skipped ${what}: ${error.path} ${error.message}`);
        return false;
      }
    }
    for (const object of group) this.objects.set(object['id'] as string, object);
    return true;
  }

  #references(page: string, externalId: string, urls: readonly string[]): JsonObject[] {
    const links = urls.filter((url) => /^https?:\/\//i.test(url) && url !== page);
    return [
      { source_name: PROVIDER, url: page, external_id: externalId },
      ...links.map((url) => ({ source_name: PROVIDER, url, description: 'Reference found in the Malpedia library' })),
    ];
  }

  /** The family as a `malware`; its id, or `undefined` when it could not be made. */
  family(familyId: string, family: MalpediaFamily): string | undefined {
    const name = family.common_name === '' ? familyId : family.common_name;
    const time = dayTime(family.updated) ?? this.#options.time;
    const aliases = [...new Set([...family.alt_names, familyId])].filter((alias) => alias.toLowerCase() !== name.toLowerCase());
    const malware = this.#base('malware', derivedId('malware', { name: name.toLowerCase() }), time, this.#marking, {
      name,
      description: family.description === '' ? `Malpedia entry for ${familyId}` : family.description,
      is_family: true,
      ...(aliases.length > 0 ? { aliases } : {}),
      external_references: this.#references(`${this.#site}/details/${encodeURIComponent(familyId)}`, familyId, family.urls),
    });
    return this.#put([malware], `the family ${familyId}`) ? (malware['id'] as string) : undefined;
  }

  #country(code: string): JsonObject | undefined {
    const name = countryName(code);
    if (name === undefined) return undefined;
    // x_opencti_location_type: how OpenCTI tells a country from a region or a city.
    return this.#base('location', derivedId('location', { country: code }), this.#options.time, this.#marking, { name, country: code, x_opencti_location_type: 'Country' });
  }

  /** The actor as an `intrusion-set` that uses the family, with its origin and targeted countries. */
  actor(actorId: string, actor: MalpediaActor, malwareId: string): void {
    const { meta } = actor;
    const name = actor.value;
    const aliases = [...new Set(meta.synonyms)].filter((alias) => alias.toLowerCase() !== name.toLowerCase());
    const [primary, ...secondary] = meta['cfr-type-of-incident'];
    const intrusionSet = this.#base('intrusion-set', derivedId('intrusion-set', { name: name.toLowerCase() }), this.#options.time, this.#marking, {
      name,
      description: actor.description === '' ? `Malpedia library entry for ${name}` : actor.description,
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(primary === undefined ? {} : { primary_motivation: primary }),
      ...(secondary.length > 0 ? { secondary_motivations: secondary } : {}),
      external_references: this.#references(`${this.#site}/actor/${encodeURIComponent(actorId)}`, actorId, meta.refs),
    });
    const setId = intrusionSet['id'] as string;
    if (!this.#put([intrusionSet, this.#relationship(setId, 'uses', malwareId)], `the actor ${name}`)) return;
    const origin = meta.country === '' ? undefined : countryCode(meta.country);
    if (meta.country !== '' && origin === undefined) this.warn(`Skipped the country "${meta.country}" of an actor: not an ISO 3166-1 country code.`);
    const origins = origin === undefined ? [] : [origin];
    const victims = [...new Set(meta['cfr-suspected-victims'].map(countryCode).filter((code): code is string => code !== undefined))];
    for (const [codes, type] of [[origins, 'originates-from'], [victims, 'targets']] as const) {
      for (const code of codes) {
        const location = this.#country(code);
        if (location !== undefined) this.#put([location, this.#relationship(setId, type, location['id'] as string)], `the country ${code} of ${name}`);
      }
    }
  }

  /** Each rule as a `yara` indicator of the family, marked with its folder's TLP. */
  yara(familyId: string, rules: MalpediaYara, malwareId: string, time: string): number {
    let count = 0;
    for (const [folder, files] of Object.entries(rules)) {
      const level = /^tlp_(white|clear|green|amber|red)$/i.exec(folder)?.[1];
      if (level === undefined) {
        if (Object.keys(files).length > 0) this.warn(`Skipped YARA rules in the folder "${folder}": not a TLP folder Magpie knows, so their sharing limits are unknown.`);
        continue;
      }
      const marking = tlpMarking(level, 'red');
      for (const [file, rule] of Object.entries(files)) {
        const pattern = rule.trim();
        if (pattern === '') continue;
        const indicator = this.#base('indicator', derivedId('indicator', { pattern }), time, marking, {
          name: file,
          description: `YARA rule for ${familyId} from the Malpedia library (${folder}).`,
          indicator_types: ['malicious-activity'],
          pattern,
          pattern_type: 'yara',
          valid_from: time,
          x_opencti_main_observable_type: 'StixFile',
        });
        const indicates = this.#relationship(indicator['id'] as string, 'indicates', malwareId, marking, time);
        if (this.#put([marking, indicator, indicates], `the YARA rule ${file}`)) count += 1;
      }
    }
    return count;
  }

  /** Each sample's SHA-256 as a `file` and an indicator on it, both indicating the family. */
  samples(familyId: string, samples: MalpediaSamples, malwareId: string, time: string): number {
    const marking = TLP_2[this.#options.samplesTlp];
    let count = 0;
    for (const sample of samples) {
      const sha256 = sample.sha256?.trim().toLowerCase() ?? '';
      if (!SHA256.test(sha256)) {
        this.warn(`Skipped a sample of ${familyId} without a valid SHA-256.`);
        continue;
      }
      const properties = { type: 'file', hashes: { 'SHA-256': sha256 } };
      const file = { ...properties, spec_version: '2.1', id: generateScoId('file', properties), object_marking_refs: [marking.id] };
      const pattern = patternFor(file) ?? '';
      const indicator = this.#base('indicator', derivedId('indicator', { pattern }), time, marking, {
        name: sha256,
        description: `Sample of ${familyId} in the Malpedia library${sample.status === '' ? '' : ` (${sample.status})`}.`,
        indicator_types: ['malicious-activity'],
        pattern,
        pattern_type: 'stix',
        valid_from: time,
        x_opencti_main_observable_type: 'StixFile',
      });
      const indicatorId = indicator['id'] as string;
      const group = [
        marking, file, indicator,
        this.#relationship(indicatorId, 'indicates', malwareId, marking, time),
        this.#relationship(indicatorId, 'based-on', file.id, marking, time),
        this.#relationship(file.id, 'related-to', malwareId, marking, time),
      ];
      if (this.#put(group, `the sample ${sha256}`)) count += 1;
    }
    return count;
  }
}
