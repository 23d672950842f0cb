/**
 * A MISP event (draft-dulaunoy-misp-core-format §2) that MISP's "Add event from JSON"
 * and Magpie's own MISP importer (core/misp) take: one attribute per value, typed and
 * categorised as MISP's STIX import (misp-stix) types them, `to_ids` set only for values
 * an indicator detects (a bare observable is context, not a detection), labels as tags,
 * TLP markings as `tlp:*` tags, and a MISP `file` object for a file known by more than
 * one hash or name, so its hashes stay one file.
 */
import { compareTlp, tlpOf, type TlpLevel } from '../stix/markings.ts';
import type { JsonObject } from '../stix/model/properties.ts';
import { fileOf, observedIn, scoValues, type ExportFile, type ValueKind } from './values.ts';

export interface MispExportOptions {
  /** The event's title (default "Magpie export"). */
  readonly info?: string;
  /** The event's uuid; MISP makes one when absent. */
  readonly uuid?: string;
  /** 1 high, 2 medium, 3 low, 4 undefined (default). */
  readonly threatLevel?: 1 | 2 | 3 | 4;
  /** 0 initial, 1 ongoing, 2 completed (default). */
  readonly analysis?: 0 | 1 | 2;
  /** 0 your organisation only (default: nothing leaves MISP until someone widens it), 1 community, 2 connected, 3 all. */
  readonly distribution?: 0 | 1 | 2 | 3;
  /** The creating organisation, when the event should name one. */
  readonly orgName?: string;
  /** The event's date and timestamp (default: now). */
  readonly now?: Date;
}

export interface MispTag { name: string }

export interface MispAttributeOut {
  type: string;
  category: string;
  value: string;
  to_ids: boolean;
  distribution: string;
  object_relation?: string;
  Tag: MispTag[];
}

export interface MispObjectOut {
  name: 'file';
  'meta-category': 'file';
  description: string;
  template_uuid: string;
  template_version: string;
  distribution: string;
  Attribute: MispAttributeOut[];
}

export interface MispEventOut {
  Event: {
    info: string;
    uuid?: string;
    date: string;
    timestamp: string;
    published: boolean;
    threat_level_id: string;
    analysis: string;
    distribution: string;
    Orgc?: { name: string };
    Tag: MispTag[];
    Attribute: MispAttributeOut[];
    Object: MispObjectOut[];
  };
}

/** MISP type and category for each value kind, as misp-stix maps the SCO types. */
const MISP_TYPES: Readonly<Record<ValueKind, { type: string; category: string }>> = {
  ipv4: { type: 'ip-dst', category: 'Network activity' },
  ipv6: { type: 'ip-dst', category: 'Network activity' },
  domain: { type: 'domain', category: 'Network activity' },
  url: { type: 'url', category: 'Network activity' },
  email: { type: 'email-src', category: 'Payload delivery' },
  md5: { type: 'md5', category: 'Payload delivery' },
  sha1: { type: 'sha1', category: 'Payload delivery' },
  sha256: { type: 'sha256', category: 'Payload delivery' },
  sha512: { type: 'sha512', category: 'Payload delivery' },
  filename: { type: 'filename', category: 'Payload delivery' },
  asn: { type: 'AS', category: 'Network activity' },
};

/** MISP's `file` object template (misp-objects/objects/file). */
const FILE_TEMPLATE = { uuid: '688c46fb-5edb-40a3-8273-1af7923e2215', version: '17' };

/** Attributes take the event's distribution ("5": inherit), so one setting governs the whole event. */
const INHERIT = '5';

function tlpTag(level: TlpLevel): MispTag {
  return { name: `tlp:${level}` };
}

/** The source's labels and TLP marking as MISP tags. */
function tagsOf(source: JsonObject): MispTag[] {
  const labels = Array.isArray(source['labels']) ? source['labels'].filter((label): label is string => typeof label === 'string' && label.trim() !== '') : [];
  const level = tlpOf(source);
  return [...labels.map((name) => ({ name })), ...(level === undefined ? [] : [tlpTag(level)])];
}

/** Merges what two sources say about one value: detected if either detects it, every tag, only the strictest TLP. */
function mergeTags(a: readonly MispTag[], b: readonly MispTag[]): MispTag[] {
  const names = [...new Set([...a, ...b].map((tag) => tag.name))];
  const levels = names.filter((name) => name.startsWith('tlp:')).map((name) => name.slice(4) as TlpLevel);
  const strictest = levels.reduce<TlpLevel | undefined>((best, level) => (best === undefined || compareTlp(level, best) > 0 ? level : best), undefined);
  return names.filter((name) => !name.startsWith('tlp:') || name === `tlp:${strictest}`).map((name) => ({ name }));
}

function attribute(kind: ValueKind, value: string, toIds: boolean, tags: MispTag[], relation?: string): MispAttributeOut {
  return { ...MISP_TYPES[kind], value, to_ids: toIds, distribution: INHERIT, ...(relation === undefined ? {} : { object_relation: relation }), Tag: tags };
}

class Attributes {
  private readonly byKey = new Map<string, MispAttributeOut>();

  add(next: MispAttributeOut, key = `${next.type}|${next.value}`): void {
    const known = this.byKey.get(key);
    if (known === undefined) this.byKey.set(key, next);
    else this.byKey.set(key, { ...known, to_ids: known.to_ids || next.to_ids, Tag: mergeTags(known.Tag, next.Tag) });
  }

  values(): MispAttributeOut[] {
    return [...this.byKey.values()];
  }
}

function fileObject(file: ExportFile, tags: MispTag[]): MispObjectOut {
  const hashes = Object.entries(file.hashes).map(([kind, value]) => attribute(kind as ValueKind, value, file.fromIndicator, tags, kind));
  return {
    name: 'file', 'meta-category': 'file', description: 'File object describing a file with meta-information',
    template_uuid: FILE_TEMPLATE.uuid, template_version: FILE_TEMPLATE.version, distribution: INHERIT,
    Attribute: [...hashes, ...(file.name === undefined ? [] : [attribute('filename', file.name, file.fromIndicator, tags, 'filename')])],
  };
}

function fileKey(file: ExportFile): string {
  return JSON.stringify([Object.entries(file.hashes).sort(), file.name ?? '']);
}

export function toMispEvent(objects: readonly JsonObject[], options: MispExportOptions = {}): { event: MispEventOut; attributes: number; objects: number } {
  const attributes = new Attributes();
  const files = new Map<string, { file: ExportFile; tags: MispTag[] }>();
  let eventTlp: TlpLevel | undefined;
  for (const source of objects) {
    const level = tlpOf(source);
    if (level !== undefined && (eventTlp === undefined || compareTlp(level, eventTlp) > 0)) eventTlp = level;
    const tags = tagsOf(source);
    if (source['type'] === 'vulnerability' && typeof source['name'] === 'string' && source['name'].trim() !== '') {
      attributes.add({ type: 'vulnerability', category: 'External analysis', value: source['name'].trim(), to_ids: false, distribution: INHERIT, Tag: tags });
      continue;
    }
    for (const { type, properties, fromIndicator } of observedIn(source)) {
      if (type !== 'file') {
        for (const { kind, value } of scoValues(type, properties)) attributes.add(attribute(kind, value, fromIndicator, tags));
        continue;
      }
      const file = fileOf(properties, fromIndicator, source);
      if (file === undefined) continue;
      const parts = Object.entries(file.hashes).map(([kind, value]) => ({ kind: kind as ValueKind, value }));
      if (file.name !== undefined) parts.push({ kind: 'filename', value: file.name });
      const [only, ...more] = parts;
      if (only !== undefined && more.length === 0) {
        attributes.add(attribute(only.kind, only.value, fromIndicator, tags));
        continue;
      }
      const key = fileKey(file);
      const known = files.get(key);
      files.set(key, known === undefined ? { file, tags } : { file: { ...file, fromIndicator: file.fromIndicator || known.file.fromIndicator }, tags: mergeTags(known.tags, tags) });
    }
  }
  const now = options.now ?? new Date();
  const fileObjects = [...files.values()].map(({ file, tags }) => fileObject(file, tags));
  const event: MispEventOut = {
    Event: {
      info: options.info ?? 'Magpie export',
      ...(options.uuid === undefined ? {} : { uuid: options.uuid }),
      date: now.toISOString().slice(0, 10),
      timestamp: String(Math.floor(now.getTime() / 1000)),
      published: false,
      threat_level_id: String(options.threatLevel ?? 4),
      analysis: String(options.analysis ?? 2),
      distribution: String(options.distribution ?? 0),
      ...(options.orgName === undefined ? {} : { Orgc: { name: options.orgName } }),
      // The event as a whole is shared at its strictest part's level; each attribute keeps its own tag.
      Tag: eventTlp === undefined ? [] : [tlpTag(eventTlp)],
      Attribute: attributes.values(),
      Object: fileObjects,
    },
  };
  return { event, attributes: event.Event.Attribute.length, objects: fileObjects.length };
}
