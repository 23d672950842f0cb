/**
 * One OTX pulse to STIX 2.1, following OpenCTI's `alienvault` connector (builder.py):
 *
 * - pulse → `report` (id from name + published, as OpenCTI's `Report.generate_id`): name,
 *   description, published = created, created/modified, labels = tags, report type
 *   `threat-report`; external references: the pulse on OTX (source "AlienVault", the pulse
 *   id) and each http(s) entry of `references`.
 * - `author_name` → organization `identity`, the `created_by_ref` of everything; authored
 *   by the "AlienVault" organization when it is not AlienVault itself.
 * - `tlp` → TLP marking on every object (tlp.ts); a pulse without one gets the default.
 * - indicators → observables (observables.ts) and `indicator`s with a STIX pattern
 *   (`patternFor`), `based-on` the observable; name = the value, description = title and
 *   description, valid_from = the indicator's `created`, valid_until = its `expiration`;
 *   YARA → an indicator with the rule as a `yara` pattern; CVE → `vulnerability`.
 * - `malware_families` → `malware` (is_family: OTX lists families; OpenCTI leaves it false),
 *   `attack_ids` → `attack-pattern` with the core's ATT&CK id (`attackPatternId`) and a
 *   mitre-attack reference, `adversary` → `intrusion-set`; then OpenCTI's relationships:
 *   intrusion set / malware `uses` attack patterns, intrusion set `uses` malware, they
 *   `target` the vulnerabilities, every indicator `indicates` the malware and intrusion set
 *   (not the attack patterns: OpenCTI's `enable_attack_patterns_indicates` is off by default).
 * - not mapped, as in OpenCTI's defaults or for want of STIX counterparts: industries and
 *   targeted countries, and the indicator types observables.ts lists; counted in warnings.
 *
 * Deterministic ids throughout, so a pulse imported again updates the same objects.
 */
import { attackPatternId, compareTimestamps, derivedId, generateScoId, identityId, patternFor, reportId, validateObject, vulnerabilityId, type JsonObject, type TlpLevel } from '../../../core/stix/index.ts';
import { observableOf } from './observables.ts';
import { nameOf, OtxIndicator, type OtxPulse } from './schema.ts';
import { otxTime } from './time.ts';
import { tlpMarking } from './tlp.ts';

export interface PulseOptions {
  defaultTlp: TlpLevel;
  /** The OTX site, for the link to the pulse. */
  baseUrl: string;
  /** For pulses without a time. */
  now: string;
}

export interface PulseConversion {
  objects: JsonObject[];
  warnings: string[];
}

const PROVIDER = 'AlienVault';
const TECHNIQUE = /^T\d{4}(?:\.\d{3})?$/i;

function organization(name: string, time: string, createdBy?: string): JsonObject {
  return {
    type: 'identity', spec_version: '2.1', id: identityId(name, 'organization'), created: time, modified: time, name, identity_class: 'organization',
    ...(createdBy === undefined ? {} : { created_by_ref: createdBy }),
  };
}

function strings(list: readonly unknown[]): string[] {
  return [...new Set(list.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.trim()).filter((entry) => entry !== ''))];
}

class Pulse {
  readonly objects = new Map<string, JsonObject>();
  readonly refs = new Set<string>();
  readonly warnings = new Map<string, number>();
  readonly created: string;
  readonly modified: string;
  readonly authorId: string;
  readonly markingId: string;
  readonly pulse: OtxPulse;

  constructor(pulse: OtxPulse, options: PulseOptions) {
    this.pulse = pulse;
    const created = otxTime(pulse.created) ?? otxTime(pulse.modified) ?? options.now;
    const modified = otxTime(pulse.modified) ?? created;
    this.created = created;
    this.modified = compareTimestamps(modified, created) < 0 ? created : modified;
    const marking = tlpMarking(pulse.tlp ?? pulse.TLP, options.defaultTlp);
    this.markingId = marking.id;
    const provider = organization(PROVIDER, this.created);
    const authorName = pulse.author_name?.trim();
    const author = authorName === undefined || authorName === '' || authorName === PROVIDER ? provider : organization(authorName, this.created, provider['id'] as string);
    this.authorId = author['id'] as string;
    this.put([marking, provider, author], 'the pulse author');
    this.refs.add(this.authorId);
  }

  warn(message: string): void {
    this.warnings.set(message, (this.warnings.get(message) ?? 0) + 1);
  }

  /** The common properties of an SDO or SRO made from this pulse (STIX 2.1 §3.2). */
  base(type: string, id: string, extra: JsonObject = {}): JsonObject {
    return { type, spec_version: '2.1', id, created: this.created, modified: this.modified, created_by_ref: this.authorId, object_marking_refs: [this.markingId], ...extra };
  }

  sco(properties: JsonObject): JsonObject {
    const type = String(properties['type']);
    return { ...properties, spec_version: '2.1', id: generateScoId(type, properties), object_marking_refs: [this.markingId] };
  }

  relationship(source: string, type: string, target: string): JsonObject {
    return this.base('relationship', derivedId('relationship', { relationship_type: type, source_ref: source, target_ref: target }), { relationship_type: type, source_ref: source, target_ref: target });
  }

  /** Keeps a group of objects made from one item, or none of them if one is not valid STIX. */
  put(group: readonly JsonObject[], what: string, referenced = false): boolean {
    for (const object of group) {
      const error = validateObject(object).find((issue) => issue.severity === 'error');
      if (error !== undefined) {
        this.warn(`Skipped ${what}: ${error.message}`);
        return false;
      }
    }
    for (const object of group) {
      const id = object['id'] as string;
      this.objects.set(id, object);
      if (referenced) this.refs.add(id);
    }
    return true;
  }

  relate(sources: readonly string[], type: string, targets: readonly string[]): void {
    for (const source of sources) for (const target of targets) this.put([this.relationship(source, type, target)], `a "${type}" relationship`, true);
  }
}

function labelsOf(pulse: OtxPulse): string[] {
  return strings(pulse.tags);
}

function malwares(context: Pulse): string[] {
  const names = new Set(context.pulse.malware_families.map((entry) => nameOf(entry, 'name')).filter((name) => name !== undefined));
  return [...names].flatMap((name) => {
    const object = context.base('malware', derivedId('malware', { name: name.toLowerCase() }), { name, is_family: true });
    return context.put([object], `the malware "${name}"`, true) ? [object['id'] as string] : [];
  });
}

function attackPatterns(context: Pulse): string[] {
  const ids = new Set(context.pulse.attack_ids.map((entry) => nameOf(entry, 'id')?.toUpperCase()).filter((id) => id !== undefined));
  return [...ids].flatMap((techniqueId) => {
    if (!TECHNIQUE.test(techniqueId)) {
      context.warn('Not imported: {n} ATT&CK id(s) that are not techniques (tactics, groups, software).');
      return [];
    }
    const object = context.base('attack-pattern', attackPatternId(techniqueId), {
      name: techniqueId,
      external_references: [{ source_name: 'mitre-attack', external_id: techniqueId, url: `https://attack.mitre.org/techniques/${techniqueId.replace('.', '/')}` }],
      x_mitre_id: techniqueId,
    });
    return context.put([object], `the technique ${techniqueId}`, true) ? [object['id'] as string] : [];
  });
}

function intrusionSets(context: Pulse): string[] {
  const name = context.pulse.adversary?.trim();
  if (name === undefined || name === '') return [];
  const object = context.base('intrusion-set', derivedId('intrusion-set', { name: name.toLowerCase() }), { name });
  return context.put([object], `the adversary "${name}"`, true) ? [object['id'] as string] : [];
}

function descriptionOf(indicator: OtxIndicator): string | undefined {
  const text = [indicator.title, indicator.description].filter((part) => part !== undefined && part.trim() !== '').join('\n');
  return text === '' ? undefined : text;
}

function indicatorObject(context: Pulse, indicator: OtxIndicator, pattern: string, patternType: string, name: string): JsonObject {
  const validFrom = otxTime(indicator.created) ?? context.created;
  const expiration = otxTime(indicator.expiration);
  const description = descriptionOf(indicator);
  const labels = labelsOf(context.pulse);
  return context.base('indicator', derivedId('indicator', { pattern }), {
    name,
    ...(description === undefined ? {} : { description }),
    indicator_types: ['malicious-activity'],
    pattern,
    pattern_type: patternType,
    ...(patternType === 'stix' ? { pattern_version: '2.1' } : {}),
    valid_from: validFrom,
    ...(expiration !== undefined && compareTimestamps(expiration, validFrom) > 0 ? { valid_until: expiration } : {}),
    ...(labels.length === 0 ? {} : { labels }),
  });
}

/** Each indicator's observable, indicator and `based-on`; returns the indicator ids. */
function observations(context: Pulse, vulnerabilities: string[]): string[] {
  const indicators: string[] = [];
  for (const entry of context.pulse.indicators) {
    const parsed = OtxIndicator.safeParse(entry);
    if (!parsed.success) {
      context.warn('Skipped {n} indicator(s) without a type or value.');
      continue;
    }
    const indicator = parsed.data;
    const value = indicator.indicator.trim();
    if (indicator.type === 'CVE') {
      const object = context.base('vulnerability', vulnerabilityId(value), {
        name: value.toUpperCase(),
        ...(/^CVE-\d{4}-\d+$/i.test(value) ? { external_references: [{ source_name: 'cve', external_id: value.toUpperCase() }] } : {}),
      });
      if (context.put([object], `the vulnerability ${value}`, true)) vulnerabilities.push(object['id'] as string);
      continue;
    }
    if (indicator.type === 'YARA') {
      const rule = indicator.content?.trim();
      if (rule === undefined || rule === '') context.warn('Skipped {n} YARA indicator(s) without the rule.');
      else {
        const title = indicator.title?.trim();
        const object = indicatorObject(context, indicator, rule, 'yara', title === undefined || title === '' ? value : title);
        if (context.put([object], `the YARA rule "${value}"`, true)) indicators.push(object['id'] as string);
      }
      continue;
    }
    const { known, properties } = observableOf(indicator.type, value);
    if (!known) {
      context.warn(`Not imported: {n} indicator(s) of type ${indicator.type} (no STIX 2.1 observable).`);
      continue;
    }
    const observable = properties === undefined ? undefined : context.sco(properties);
    const pattern = observable === undefined ? undefined : patternFor(observable);
    if (observable === undefined || pattern === undefined) {
      context.warn(`Skipped {n} ${indicator.type} indicator(s) whose value does not fit the type.`);
      continue;
    }
    const object = indicatorObject(context, indicator, pattern, 'stix', value);
    const basedOn = context.relationship(object['id'] as string, 'based-on', observable['id'] as string);
    if (context.put([observable, object, basedOn], `the ${indicator.type} indicator "${value.slice(0, 80)}"`, true)) indicators.push(object['id'] as string);
  }
  return indicators;
}

function externalReferences(pulse: OtxPulse, baseUrl: string): JsonObject[] {
  const link = { source_name: PROVIDER, url: new URL(`/pulse/${encodeURIComponent(pulse.id)}`, baseUrl).href, external_id: pulse.id };
  const references = strings(pulse.references).filter((reference) => /^https?:\/\//i.test(reference));
  return [link, ...references.map((url) => ({ source_name: PROVIDER, url }))];
}

/** Converts one parsed pulse; every object returned passes core/stix's validator. */
export function pulseToStix(pulse: OtxPulse, options: PulseOptions): PulseConversion {
  const context = new Pulse(pulse, options);
  const sets = intrusionSets(context);
  const malware = malwares(context);
  const techniques = attackPatterns(context);
  const vulnerabilities: string[] = [];
  const indicators = observations(context, vulnerabilities);
  context.relate(sets, 'uses', malware);
  context.relate(sets, 'uses', techniques);
  context.relate(malware, 'uses', techniques);
  context.relate([...sets, ...malware, ...techniques], 'targets', vulnerabilities);
  context.relate(indicators, 'indicates', [...malware, ...sets]);

  const description = pulse.description?.trim();
  const labels = labelsOf(pulse);
  const report = context.base('report', reportId(pulse.name, context.created), {
    name: pulse.name.trim() === '' ? `OTX pulse ${pulse.id}` : pulse.name,
    ...(description === undefined || description === '' ? {} : { description }),
    report_types: ['threat-report'],
    published: context.created,
    ...(labels.length === 0 ? {} : { labels }),
    external_references: externalReferences(pulse, options.baseUrl),
    object_refs: [...context.refs],
  });
  context.put([report], `the pulse "${pulse.name}"`);
  const warnings = [...context.warnings].map(([message, count]) => message.replace('{n}', count.toLocaleString('en-US')));
  return { objects: [...context.objects.values()], warnings };
}
