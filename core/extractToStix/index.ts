/**
 * Extracted indicators as STIX 2.1 (issue 9): for each observable value an SCO with its
 * deterministic id, an indicator with its STIX pattern and a `based-on` relationship from
 * the indicator to the observable; CVE ids as vulnerabilities and ATT&CK ids as the
 * objects they name, linked to ones the caller already holds or written as placeholders. Shared
 * by the review screen's commit (the knowledge base) and the CLI's `--format stix`.
 *
 * Every id is derived from content, so committing the same document again merges into
 * the same objects instead of duplicating them.
 */
import { attackPlaceholder } from '../attack/placeholders.ts';
import { expandRegistryHive } from '../stix/registryKey.ts';
import { derivedId, generateScoId, identityId, patternFor, quotePatternString, reportIdForFile, vulnerabilityId } from '../stix/index.ts';
import type { JsonObject } from '../stix/model/properties.ts';
import type { ExtractedIndicator } from '../extract/types.ts';
import { fillFromModel, type DecaySettings } from '../lifecycle/decay.ts';

export interface ToStixOptions {
  /** STIX timestamp used for created, modified and valid_from. */
  now: string;
  markingRefs?: readonly string[];
  createdByRef?: string;
  /**
   * Objects the caller already holds, by CVE or ATT&CK id (upper case): these are
   * referenced instead of creating minimal ones.
   */
  existing?: ReadonlyMap<string, string>;
  /** The decay model's settings that give each indicator its `valid_until` and score (issue 21; the defaults when absent). */
  decay?: DecaySettings;
}

/**
 * Confidence of an extracted indicator: the analyst reviewed and ticked it, so above the
 * "moderate" 50 a feed gets by default; a value flagged as probably benign and ticked
 * anyway stays at 50.
 */
const REVIEWED_CONFIDENCE = 75;

export interface ExtractionStix {
  objects: JsonObject[];
  /** Everything a report of this extraction refers to: created and linked objects. */
  refs: string[];
  counts: { observables: number; indicators: number; relationships: number; linked: number; created: number };
  /** Values that could not be expressed, with why. */
  skipped: { value: string; reason: string }[];
  /**
   * ATT&CK ids the caller does not hold yet, written as placeholders (core/attack/placeholders.ts)
   * that importing ATT&CK merges into the real objects: the commit summary lists them.
   */
  placeholders: { value: string; type: string }[];
}

/** The SCO for an extracted value, or undefined for values that are not observables. */
export function observableFor(indicator: ExtractedIndicator): JsonObject | undefined {
  const sco = (type: string, properties: JsonObject): JsonObject => ({ type, spec_version: '2.1', id: generateScoId(type, properties), ...properties });
  switch (indicator.type) {
    case 'ipv4-addr':
    case 'ipv6-addr':
    case 'domain-name':
    case 'url':
    case 'email-addr':
    case 'mac-addr':
      return sco(indicator.type, { value: indicator.value });
    case 'file':
      return indicator.hash_type ? sco('file', { hashes: { [indicator.hash_type]: indicator.value } }) : sco('file', { name: indicator.value });
    case 'windows-registry-key':
      return sco('windows-registry-key', { key: expandRegistryHive(indicator.value) });
    case 'autonomous-system': {
      const number = Number(indicator.value.replace(/^AS/i, ''));
      return Number.isSafeInteger(number) ? sco('autonomous-system', { number }) : undefined;
    }
    case 'cryptocurrency-wallet':
      // Not a STIX 2.1 SCO; OpenCTI's custom type of the same name, with a name-based id.
      return { type: 'cryptocurrency-wallet', spec_version: '2.1', id: derivedId('cryptocurrency-wallet', { value: indicator.value }), value: indicator.value };
    case 'vulnerability':
    case 'attack-pattern':
      return undefined;
  }
}

function patternOf(observable: JsonObject): string | undefined {
  if (observable['type'] === 'cryptocurrency-wallet') return `[cryptocurrency-wallet:value = ${quotePatternString(String(observable['value']))}]`;
  return patternFor(observable);
}

/** Flags that mean "probably not malicious": an indicator ticked anyway is typed `unknown`. */
const DOUBTFUL = new Set(['reserved', 'benign', 'publisher', 'filename-like']);

export function toStixObjects(indicators: readonly ExtractedIndicator[], options: ToStixOptions): ExtractionStix {
  const common: JsonObject = {
    spec_version: '2.1',
    created: options.now,
    modified: options.now,
    ...(options.createdByRef ? { created_by_ref: options.createdByRef } : {}),
    ...(options.markingRefs && options.markingRefs.length > 0 ? { object_marking_refs: [...options.markingRefs] } : {}),
  };
  const objects: JsonObject[] = [];
  const refs: string[] = [];
  const counts = { observables: 0, indicators: 0, relationships: 0, linked: 0, created: 0 };
  const skipped: { value: string; reason: string }[] = [];
  const placeholders: { value: string; type: string }[] = [];
  const seen = new Set<string>();
  const add = (object: JsonObject) => {
    const id = String(object['id']);
    if (seen.has(id)) return false;
    seen.add(id);
    objects.push(object);
    refs.push(id);
    return true;
  };

  for (const indicator of indicators) {
    if (indicator.type === 'vulnerability' || indicator.type === 'attack-pattern') {
      const known = options.existing?.get(indicator.value.toUpperCase());
      if (known) {
        if (!seen.has(known)) {
          seen.add(known);
          refs.push(known);
          counts.linked += 1;
        }
        continue;
      }
      const created = indicator.type === 'vulnerability' ? vulnerabilityObject(indicator.value, common) : attackObject(indicator, common);
      if (!created) {
        skipped.push({ value: indicator.value, reason: `${indicator.value} is not an ATT&CK id Magpie knows (T, TA, G, S, M, C or DS followed by four digits).` });
        continue;
      }
      if (add(created)) {
        counts.created += 1;
        if (indicator.type === 'attack-pattern') placeholders.push({ value: String(created['name']), type: String(created['type']) });
      }
      continue;
    }
    const bare = observableFor(indicator);
    const pattern = bare ? patternOf(bare) : undefined;
    // The report's TLP goes on its observables too: an unmarked one would leave in every
    // export as TLP:CLEAR. Markings only add up in the knowledge base's merge, so the same
    // value from a public feed becomes stricter here, never looser.
    const observable = bare && options.markingRefs && options.markingRefs.length > 0 ? { ...bare, object_marking_refs: [...options.markingRefs] } : bare;
    if (!observable || !pattern) {
      skipped.push({ value: indicator.value, reason: `${indicator.value} cannot be written as a STIX ${indicator.type}.` });
      continue;
    }
    if (!add(observable)) continue;
    counts.observables += 1;
    const doubtful = indicator.flags.some((flag) => DOUBTFUL.has(flag.code)) && !indicator.flags.some((flag) => flag.code === 'denied');
    const stixIndicator: JsonObject = {
      type: 'indicator',
      id: derivedId('indicator', { pattern }),
      ...common,
      name: indicator.value,
      indicator_types: [doubtful ? 'unknown' : 'malicious-activity'],
      pattern,
      pattern_type: 'stix',
      valid_from: options.now,
      confidence: doubtful ? 50 : REVIEWED_CONFIDENCE,
    };
    // Issue 21: valid_until one lifetime of its type from now, and the base score (core/lifecycle/decay.ts).
    if (add(fillFromModel(stixIndicator, new Date(options.now), options.decay ? { settings: options.decay } : {}))) counts.indicators += 1;
    const relationship: JsonObject = {
      type: 'relationship',
      id: derivedId('relationship', { source_ref: stixIndicator['id'], relationship_type: 'based-on', target_ref: observable['id'] }),
      ...common,
      relationship_type: 'based-on',
      source_ref: stixIndicator['id'],
      target_ref: observable['id'],
    };
    if (add(relationship)) counts.relationships += 1;
  }
  return { objects, refs, counts, skipped, placeholders };
}

function vulnerabilityObject(cve: string, common: JsonObject): JsonObject {
  return {
    type: 'vulnerability',
    id: vulnerabilityId(cve),
    ...common,
    name: cve,
    external_references: [{ source_name: 'cve', external_id: cve, url: `https://www.cve.org/CVERecord?id=${cve}` }],
  };
}

/** A placeholder for an ATT&CK id the caller does not hold yet (core/attack/placeholders.ts). */
function attackObject(indicator: ExtractedIndicator, common: JsonObject): JsonObject | undefined {
  const kind = indicator.attack_kind ?? (indicator.value.includes('.') ? 'sub-technique' : undefined);
  const markingRefs = Array.isArray(common['object_marking_refs']) ? common['object_marking_refs'].map(String) : [];
  const createdByRef = typeof common['created_by_ref'] === 'string' ? common['created_by_ref'] : undefined;
  return attackPlaceholder(indicator.value, { now: String(common['created']), markingRefs, ...(createdByRef ? { createdByRef } : {}), reason: 'named in a report committed before ATT&CK was imported' }, kind);
}

export interface ReportDetails {
  name: string;
  /** STIX timestamp. */
  published: string;
  description?: string;
  /** The document's author, as an identity that created the report. */
  author?: string;
  /** ISO 639 language of the document's text. */
  lang?: string;
  file?: { name: string; sha256: string };
}

/** The author of a document as a STIX identity (class `unknown`: a PDF rarely says whether it is a person or an organisation). */
export function authorIdentity(name: string, now: string): JsonObject {
  return { type: 'identity', spec_version: '2.1', id: identityId(name, 'unknown'), created: now, modified: now, name, identity_class: 'unknown' };
}

/**
 * The report holding an extraction. Keyed by the file's hash when there is one, so the
 * same document committed again updates its report rather than adding a second one.
 */
export function reportFor(details: ReportDetails, refs: readonly string[], options: ToStixOptions): JsonObject {
  const id = details.file ? reportIdForFile(details.file.sha256) : derivedId('report', { name: details.name, published: details.published });
  return {
    type: 'report',
    spec_version: '2.1',
    id,
    created: options.now,
    modified: options.now,
    ...(options.createdByRef ? { created_by_ref: options.createdByRef } : {}),
    name: details.name,
    ...(details.description ? { description: details.description } : {}),
    report_types: ['threat-report'],
    published: details.published,
    object_refs: [...refs],
    ...(details.lang ? { lang: details.lang } : {}),
    ...(details.file
      ? { external_references: [{ source_name: 'magpie-import', description: `Original file: ${details.file.name}`, hashes: { 'SHA-256': details.file.sha256 } }] }
      : {}),
    ...(options.markingRefs && options.markingRefs.length > 0 ? { object_marking_refs: [...options.markingRefs] } : {}),
  };
}
