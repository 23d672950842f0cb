/**
 * Seeded synthetic STIX for the knowledge-base benchmarks: realistic observables
 * (hosting-range IPs, word and DGA-style domains, URLs, SHA-256 files; STACK-MEASUREMENTS
 * §2) and, for `bench:kb-scale`, the mix a connector feed brings — indicators with
 * `based-on` relationships to their observables, domain objects, `indicates` edges (a third
 * of them to one hub malware) and reports. The same seed gives the same objects, so the
 * product path and the bare baseline write identical data.
 */
import { seededRandom } from '../../testkit/seededRandom.ts';

export type ObservableClass = 'ipv4-addr' | 'domain-name' | 'url' | 'file';
export const OBSERVABLE_CLASSES: readonly ObservableClass[] = ['ipv4-addr', 'domain-name', 'url', 'file'];

export type StixLike = Record<string, unknown> & { id: string; type: string };

const HOSTING_OCTETS = [5, 23, 31, 37, 45, 46, 62, 77, 78, 80, 85, 89, 91, 92, 93, 94, 95, 103, 104, 107, 109, 139, 141, 146, 149, 151, 154, 157, 159, 162, 164, 167, 172, 176, 178, 185, 188, 192, 193, 194, 195, 198, 199, 203, 204, 205, 209, 212, 213, 217];
const WORDS = ['secure', 'login', 'update', 'account', 'paypal', 'micro', 'soft', 'office', 'cloud', 'verify', 'bank', 'mail', 'support', 'service', 'online', 'portal', 'auth', 'drive', 'share', 'docs', 'cdn', 'static', 'api', 'apple', 'amazon', 'google', 'help', 'wallet', 'crypto', 'invoice', 'billing', 'delivery', 'track', 'parcel', 'dhl', 'tax', 'refund', 'sync', 'storage', 'backup', 'media', 'news', 'health', 'shop', 'store', 'game', 'free', 'best', 'global', 'net'];
const TLDS = ['com', 'net', 'org', 'info', 'biz', 'ru', 'cn', 'top', 'xyz', 'online', 'site', 'club', 'io', 'co', 'me', 'tk', 'ml', 'ga', 'cf', 'pw', 'cc', 'su', 'in', 'br', 'de', 'uk', 'fr', 'jp', 'kr', 'vn'];
const FILES = ['index.php', 'login.php', 'update.exe', 'invoice.zip', 'payload.bin', 'setup.msi', 'doc.pdf', 'gate.php', 'panel', 'config.bin', 'm.js', 'a.ps1'];
const SDO_KINDS = ['malware', 'threat-actor', 'intrusion-set', 'campaign', 'attack-pattern', 'tool', 'vulnerability', 'infrastructure'] as const;
const SYLLABLES = ['ka', 'zor', 'vel', 'tri', 'mon', 'rax', 'lu', 'qua', 'shi', 'dra', 'no', 'vex', 'pol', 'gri', 'tan', 'mur'];

export function syntheticStix(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const hex = (length: number): string => Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
  const letters = (length: number): string => Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)]).join('');

  function uuid4(): string {
    const h = hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  function domain(): string {
    if (random() < 0.4) return `${letters(int(8, 16))}.${pick(TLDS)}`;
    let name = pick(WORDS);
    if (random() < 0.5) name += `-${pick(WORDS)}`;
    if (random() < 0.3) name += String(int(1, 999));
    if (random() < 0.3) name = `${pick(WORDS)}.${name}`;
    return `${name}.${pick(TLDS)}`;
  }

  function url(): string {
    const path = Array.from({ length: int(0, 2) }, () => (random() < 0.7 ? pick(WORDS) : letters(int(4, 10))));
    if (random() < 0.6) path.push(pick(FILES));
    const query = random() < 0.3 ? `?id=${hex(int(6, 16))}` : '';
    return `${random() < 0.6 ? 'https' : 'http'}://${domain()}/${path.join('/')}${query}`;
  }

  function observable(type: ObservableClass): { object: StixLike; value: string } {
    const id = `${type}--${uuid4()}`;
    if (type === 'file') {
      const value = hex(64);
      return { object: { type, spec_version: '2.1', id, hashes: { 'SHA-256': value } }, value };
    }
    const value = type === 'ipv4-addr' ? `${pick(HOSTING_OCTETS)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}` : type === 'domain-name' ? domain() : url();
    return { object: { type, spec_version: '2.1', id, value }, value };
  }

  return { random, uuid4, observable, pick, int, letters };
}

/** The STIX pattern an indicator of this observable carries. */
function patternOf(object: StixLike, value: string): string {
  const path = object.type === 'file' ? "file:hashes.'SHA-256'" : `${object.type}:value`;
  return `[${path} = '${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`;
}

const GROUP = 20;

/**
 * The scale mix, in groups of 20 objects: 11 or 12 observables, 3 indicators each with a
 * `based-on` relationship to one of them, 1 `indicates` relationship, 1 domain object, and
 * every 4th group a report referring to the last groups' objects. Shares: observables ~59%,
 * indicators 15%, relationships 20%, domain objects 5%, reports ~1.3%.
 */
export function scaleMix(seed: number) {
  const { random, uuid4, observable, pick, int, letters } = syntheticStix(seed);
  const created = '2026-01-05T10:00:00.000Z';
  const hub = { type: 'malware', spec_version: '2.1', id: `malware--${uuid4()}`, created, modified: created, name: 'Hubloader', is_family: true, description: 'The hub: a third of all indicates relationships point here.' } satisfies StixLike;
  const domainObjects: string[] = [hub.id];
  const recent: string[] = [];
  let group = 0;
  let emittedHub = false;
  /** Every 50th observable's value, to draw search queries from. */
  const sampleValues: string[] = [];
  let observables = 0;

  const name = (): string => {
    const word = Array.from({ length: int(2, 4) }, () => pick(SYLLABLES)).join('');
    return word.charAt(0).toUpperCase() + word.slice(1);
  };

  function domainObject(index: number): StixLike {
    const type = SDO_KINDS[index % SDO_KINDS.length] as (typeof SDO_KINDS)[number];
    const id = `${type}--${uuid4()}`;
    const title = type === 'vulnerability' ? `CVE-20${int(10, 26)}-${int(1000, 49999)}` : `${name()} ${int(1, 99)}`;
    const object: StixLike = { type, spec_version: '2.1', id, created, modified: created, name: title, description: `${title}: ${Array.from({ length: int(6, 14) }, () => letters(int(3, 9))).join(' ')}.` };
    if (type === 'malware') object['is_family'] = true;
    if (type === 'threat-actor' || type === 'intrusion-set') object['aliases'] = [name(), name()];
    if (type === 'vulnerability') object['external_references'] = [{ source_name: 'cve', external_id: title }];
    return object;
  }

  function relationship(kind: string, source: string, target: string): StixLike {
    return { type: 'relationship', spec_version: '2.1', id: `relationship--${uuid4()}`, created, modified: created, relationship_type: kind, source_ref: source, target_ref: target };
  }

  /** The next 20 objects (the first group also carries the hub, so 21). */
  function next(): StixLike[] {
    const out: StixLike[] = [];
    if (!emittedHub) {
      out.push(hub);
      emittedHub = true;
    }
    const withReport = group % 4 === 3;
    const count = withReport ? 11 : 12;
    const made: { object: StixLike; value: string }[] = [];
    for (let index = 0; index < count; index += 1) {
      const made1 = observable(OBSERVABLE_CLASSES[(observables + index) % 4] as ObservableClass);
      made.push(made1);
      if ((observables + index) % 50 === 0) sampleValues.push(made1.value);
    }
    observables += count;
    out.push(...made.map((entry) => entry.object));
    const indicators: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const target = made[int(0, made.length - 1)] as { object: StixLike; value: string };
      const id = `indicator--${uuid4()}`;
      indicators.push(id);
      out.push({ type: 'indicator', spec_version: '2.1', id, created, modified: created, name: target.value, pattern: patternOf(target.object, target.value), pattern_type: 'stix', valid_from: created, indicator_types: ['malicious-activity'] });
      out.push(relationship('based-on', id, target.object.id));
    }
    const sdo = domainObject(group);
    domainObjects.push(sdo.id);
    out.push(sdo);
    const indicated = random() < 1 / 3 ? hub.id : pick(domainObjects);
    out.push(relationship('indicates', indicators[0] as string, indicated));
    recent.push(...indicators, sdo.id, ...made.slice(0, 4).map((entry) => entry.object.id));
    if (recent.length > 60) recent.splice(0, recent.length - 60);
    if (withReport) {
      const title = `Report ${group}: ${name()} activity`;
      out.push({ type: 'report', spec_version: '2.1', id: `report--${uuid4()}`, created, modified: created, name: title, published: created, report_types: ['threat-report'], description: `${title}, seen with ${name()}.`, object_refs: [...recent] });
    }
    group += 1;
    return out;
  }

  let pending: StixLike[] = [];
  /** The next `count` objects of the stream (a group may be split between two calls). */
  function take(count: number): StixLike[] {
    while (pending.length < count) pending.push(...next());
    const out = pending.slice(0, count);
    pending = pending.slice(count);
    return out;
  }

  return { hubId: hub.id, take, sampleValues, groupSize: GROUP };
}
