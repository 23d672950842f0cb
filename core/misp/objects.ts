/**
 * MISP objects (draft-dulaunoy-misp-core-format §2.4) to STIX: the attributes of one
 * object describe one thing, so they become one combined observation — a `file` object's
 * name and hashes one `file` SCO, a `domain-ip` object a domain resolving to its
 * addresses — with one indicator when any of them is flagged `to_ids`, as misp-stix does.
 */
import { patternFor, quotePatternString as quote, type JsonObject } from '../stix/index.ts';
import { emit, relateClusters, shorten, timesOf, type EventContext } from './context.ts';
import { clustersOf, type Cluster } from './galaxies.ts';
import { idFromMisp } from './ids.ts';
import { indicatorFor } from './indicator.ts';
import { address, domain, hashAlgorithm, normaliseDigest, parsePort, resolution, sco, traffic, type Observation } from './observables.ts';
import { networkConnectionTemplate, x509Template } from './networkObjects.ts';
import { MispAttribute, parseEach, type MispObject } from './schema.ts';
import { strictest, summariseTags, type Tlp } from './tags.ts';

export interface Part {
  readonly relation: string;
  readonly type: string;
  readonly value: string;
}

export interface Mapped {
  readonly observation: Observation;
  /** Relations the observation does not carry; each is reported. */
  readonly unused: readonly Part[];
}

export type Template = (parts: readonly Part[]) => Mapped | undefined;

/** Parts that restate what the main value already says (a URL's host) or only date it. */
const IMPLIED = new Set(['first-seen', 'last-seen', 'text', 'domain', 'host', 'scheme', 'resource_path', 'query_string', 'fragment', 'port', 'subdomain', 'tld', 'domain_without_tld']);

const hasRelation = (...relations: string[]) => (part: Part): boolean => relations.includes(part.relation);

/** Observations joined: one pattern matching any of them. */
function combine(observations: readonly Observation[]): Observation {
  const seen = new Set<string>();
  const observables = observations.flatMap((o) => o.observables).filter((object) => {
    const id = object['id'] as string;
    return seen.has(id) ? false : (seen.add(id), true);
  });
  const patterns = observations.flatMap((o) => (o.pattern === undefined ? [] : [o.pattern]));
  return { observables, primary: observations.flatMap((o) => o.primary), ...(patterns.length === 0 ? {} : { pattern: patterns.join(' OR ') }) };
}

function single(observable: JsonObject, pattern: string | undefined): Observation {
  return { observables: [observable], primary: [observable['id'] as string], ...(pattern === undefined ? {} : { pattern }) };
}

const fileTemplate: Template = (parts) => {
  const hashes: Record<string, string> = {};
  const unused: Part[] = [];
  let name: string | undefined;
  let size: number | undefined;
  let mimeType: string | undefined;
  for (const part of parts) {
    const algorithm = hashAlgorithm(part.type);
    if (algorithm !== undefined && hashes[algorithm] === undefined) hashes[algorithm] = normaliseDigest(part.value);
    else if (part.relation === 'filename' && name === undefined) name = part.value.trim();
    else if (part.relation === 'size-in-bytes' && size === undefined && /^\d+$/.test(part.value.trim())) size = Number(part.value.trim());
    else if (part.relation === 'mimetype' && mimeType === undefined) mimeType = part.value.trim();
    else unused.push(part);
  }
  if (name === undefined && Object.keys(hashes).length === 0) return undefined;
  const file = sco('file', {
    ...(Object.keys(hashes).length === 0 ? {} : { hashes }), ...(name === undefined ? {} : { name }),
    ...(size === undefined ? {} : { size }), ...(mimeType === undefined ? {} : { mime_type: mimeType }),
  });
  return { observation: single(file, patternFor(file)), unused };
};

const isDomain = hasRelation('domain', 'hostname');
const isAddress = (part: Part): boolean => part.type.startsWith('ip-') && !part.type.includes('|');

const domainIpTemplate: Template = (parts) => {
  const domains = parts.filter(isDomain);
  const ips = parts.filter(isAddress);
  const unused = parts.filter((part) => !isDomain(part) && !isAddress(part));
  if (domains.length === 0 && ips.length === 0) return undefined;
  const observations = domains.length === 0
    ? ips.map((ip) => { const observable = address(ip.value); return single(observable, patternFor(observable)); })
    : domains.map((name) => resolution(name.value, ips.map((ip) => ip.value)));
  return { observation: combine(observations), unused };
};

const ipPortTemplate: Template = (parts) => {
  const ips = parts.filter(isAddress);
  const port = parts.find(hasRelation('dst-port', 'src-port'));
  const portNumber = port === undefined ? undefined : parsePort(port.value);
  const names = parts.filter(isDomain);
  const unused = parts.filter((part) => !isAddress(part) && !isDomain(part) && part !== port);
  if (ips.length === 0 && names.length === 0) return undefined;
  const side = port?.relation === 'src-port' || ips.some((ip) => ip.type === 'ip-src') ? 'src' : 'dst';
  const observations = [
    ...ips.map((ip) => traffic(address(ip.value), portNumber, side)),
    ...names.map((name) => { const observable = domain(name.value); return single(observable, patternFor(observable)); }),
  ];
  return { observation: combine(observations), unused: port !== undefined && portNumber === undefined ? [...unused, port] : unused };
};

const urlTemplate: Template = (parts) => {
  const url = parts.find((part) => part.relation === 'url' || part.type === 'url');
  if (url === undefined) return undefined;
  const object = sco('url', { value: url.value.trim() });
  return { observation: single(object, patternFor(object)), unused: parts.filter((part) => part !== url) };
};

const emailTemplate: Template = (parts) => {
  const addresses = new Map<string, JsonObject>();
  const addressOf = (value: string): JsonObject => {
    const key = value.trim();
    const known = addresses.get(key) ?? sco('email-addr', { value: key });
    addresses.set(key, known);
    return known;
  };
  const from = parts.find(hasRelation('from'));
  const to = parts.filter(hasRelation('to'));
  const cc = parts.filter(hasRelation('cc'));
  const subject = parts.find(hasRelation('subject'));
  const messageId = parts.find(hasRelation('message-id'));
  const used = new Set([from, subject, messageId, ...to, ...cc]);
  if (from === undefined && to.length === 0 && subject === undefined) return undefined;
  const message = sco('email-message', {
    is_multipart: false,
    ...(from === undefined ? {} : { from_ref: addressOf(from.value)['id'] }),
    ...(to.length === 0 ? {} : { to_refs: to.map((part) => addressOf(part.value)['id']) }),
    ...(cc.length === 0 ? {} : { cc_refs: cc.map((part) => addressOf(part.value)['id']) }),
    ...(subject === undefined ? {} : { subject: subject.value }),
    ...(messageId === undefined ? {} : { message_id: messageId.value }),
  });
  const comparisons = [
    ...(from === undefined ? [] : [`email-message:from_ref.value = ${quote(from.value.trim())}`]),
    ...to.map((part) => `email-message:to_refs[*].value = ${quote(part.value.trim())}`),
    ...(subject === undefined ? [] : [`email-message:subject = ${quote(subject.value)}`]),
  ];
  return {
    observation: { observables: [message, ...addresses.values()], primary: [message['id'] as string], pattern: `[${comparisons.join(' AND ')}]` },
    unused: parts.filter((part) => !used.has(part)),
  };
};

/** misp-objects' `registry-key`: the key with at most one value (name, data, data-type) and its last write. */
const registryKeyTemplate: Template = (parts) => {
  const key = parts.find((part) => part.relation === 'key' || part.type === 'regkey');
  if (key === undefined) return undefined;
  const field = (relation: string): Part | undefined => parts.find((part) => part.relation === relation);
  const value = Object.fromEntries((['name', 'data', 'data-type'] as const).flatMap((relation) => {
    const found = field(relation);
    return found === undefined ? [] : [[relation === 'data-type' ? 'data_type' : relation, found.value]];
  }));
  const modified = field('last-modified');
  const modifiedTime = modified === undefined || Number.isNaN(Date.parse(modified.value)) ? undefined : new Date(modified.value).toISOString();
  const object = sco('windows-registry-key', {
    key: key.value.trim(), ...(Object.keys(value).length === 0 ? {} : { values: [value] }), ...(modifiedTime === undefined ? {} : { modified_time: modifiedTime }),
  });
  const used = new Set([key, modified, field('name'), field('data'), field('data-type')]);
  return { observation: single(object, patternFor(object)), unused: parts.filter((part) => !used.has(part)) };
};

const TEMPLATES: Readonly<Record<string, Template>> = {
  file: fileTemplate, 'domain-ip': domainIpTemplate, 'ip-port': ipPortTemplate, url: urlTemplate, email: emailTemplate, 'registry-key': registryKeyTemplate,
  x509: x509Template, 'network-connection': networkConnectionTemplate,
};

/** Converts one MISP object; its attributes' tags and clusters apply to the whole. */
export function convertObject(context: EventContext, object: MispObject): void {
  const name = object.name;
  const template = Object.hasOwn(TEMPLATES, name) ? TEMPLATES[name] : undefined;
  if (template === undefined) {
    context.warnings.add(`Not imported: {n} MISP object(s) "${name}" (no STIX 2.1 mapping).`);
    return;
  }
  const attributes = parseEach(MispAttribute, object.Attribute).valid.filter((attribute) => attribute.deleted !== true);
  const parts = attributes.map((attribute) => ({ relation: attribute.object_relation ?? attribute.type, type: attribute.type, value: attribute.value }));
  const mapped = template(parts);
  if (mapped === undefined) {
    context.warnings.add(`Skipped {n} MISP object(s) "${name}" without the attributes that identify them.`);
    return;
  }
  for (const part of mapped.unused) {
    if (!IMPLIED.has(part.relation)) context.warnings.add(`Not imported: {n} "${part.relation}" value(s) of MISP "${name}" objects (no STIX 2.1 property).`);
  }
  let tlp: Tlp | undefined;
  const labels = new Set<string>();
  const clusters: Cluster[] = [];
  for (const attribute of attributes) {
    const tags = summariseTags(attribute.Tag);
    tlp = strictest(tlp, tags.tlp);
    for (const label of tags.labels) labels.add(label);
    clusters.push(...clustersOf(attribute.Galaxy, tags.galaxyTags));
  }
  tlp ??= context.tlp;
  const times = timesOf(context, object.timestamp);
  const flagged = attributes.find((attribute) => attribute.to_ids === true);
  const { observation } = mapped;
  const indicator = flagged !== undefined && observation.pattern !== undefined
    ? indicatorFor(context, {
      id: idFromMisp('indicator', object.uuid, context.eventKey, name, observation.pattern), name: flagged.value,
      pattern: observation.pattern, patternType: 'stix', description: object.comment, labels: [...labels],
      firstSeen: flagged.first_seen, lastSeen: flagged.last_seen, basedOn: observation.primary,
    }, times)
    : [];
  if (!emit(context, [...observation.observables, ...indicator], tlp, `the MISP "${name}" object ${shorten(object.uuid ?? flagged?.value ?? '')}`)) return;
  const anchor = (indicator[0]?.['id'] as string | undefined) ?? observation.primary[0];
  if (anchor !== undefined) relateClusters(context, anchor, clusters, tlp, times);
  const references = object.ObjectReference?.length ?? 0;
  if (references > 0) context.warnings.add('Not imported: {n} reference(s) between MISP objects.', references);
}
