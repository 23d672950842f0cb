/**
 * The AS and country an address is routed from, with no network: @ip-location-db/asn
 * (RouteViews + DB-IP, CC BY 4.0) and @ip-location-db/asn-country, shipped as npm packages.
 * Their `*-num.csv` files are sorted, non-overlapping `start,end,…` ranges with addresses as
 * integers. The files are read once, on the first lookup, streamed line by line into typed
 * arrays (about 400,000 IPv4 ranges: plain objects would cost several times the memory),
 * and searched by bisection.
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import ipaddr from 'ipaddr.js';

export interface AsnInfo {
  number: number;
  name: string;
}

export interface IpLocation {
  asn?: AsnInfo;
  /** ISO 3166-1 alpha-2, as registered for the AS that announces the range. */
  country?: string;
}

export interface AsnDatabase {
  lookup: (address: string) => IpLocation;
}

/** Growable typed storage: the row counts are only known once a file is read. */
class Column<T extends Uint32Array | BigUint64Array> {
  data: T;
  length = 0;
  readonly #make: (size: number) => T;

  constructor(make: (size: number) => T) {
    this.#make = make;
    this.data = make(1024);
  }

  push(value: T[number]): void {
    if (this.length === this.data.length) {
      const bigger = this.#make(this.data.length * 2);
      bigger.set(this.data as never);
      this.data = bigger;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const u32 = (size: number): Uint32Array => new Uint32Array(size);
const u64 = (size: number): BigUint64Array => new BigUint64Array(size);
const LOW_64 = (1n << 64n) - 1n;

/** `start,end,rest` with `rest` unquoted (`"Cloudflare, Inc."` → `Cloudflare, Inc.`). */
function splitRow(line: string): [string, string, string] | undefined {
  const first = line.indexOf(',');
  const second = line.indexOf(',', first + 1);
  if (first < 0 || second < 0) return undefined;
  let rest = line.slice(second + 1);
  if (rest.startsWith('"') && rest.endsWith('"')) rest = rest.slice(1, -1).replace(/""/g, '"');
  return [line.slice(0, first), line.slice(first + 1, second), rest];
}

async function readRows(path: string, onRow: (start: string, end: string, rest: string) => void): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    const row = splitRow(line);
    if (row) onRow(...row);
  }
}

/** Ranges over IPv4 (`bits` 32: one Uint32 per bound) or IPv6 (two Uint64 halves per bound). */
interface RangeTable {
  /** Index of the range holding the address, or -1. */
  find: (address: ipaddr.IPv4 | ipaddr.IPv6) => number;
}

function v4Table(starts: Uint32Array, ends: Uint32Array): RangeTable {
  return {
    find: (address) => {
      if (address.kind() !== 'ipv4') return -1;
      const value = (address as ipaddr.IPv4).octets.reduce((sum, octet) => sum * 256 + octet, 0);
      return bisect(starts.length, (index) => (starts[index] ?? 0) <= value, (index) => value <= (ends[index] ?? 0));
    },
  };
}

function v6Table(startHi: BigUint64Array, startLo: BigUint64Array, endHi: BigUint64Array, endLo: BigUint64Array): RangeTable {
  const at = (hi: BigUint64Array, lo: BigUint64Array, index: number): bigint => ((hi[index] ?? 0n) << 64n) | (lo[index] ?? 0n);
  return {
    find: (address) => {
      if (address.kind() !== 'ipv6') return -1;
      const value = (address as ipaddr.IPv6).parts.reduce((sum, part) => (sum << 16n) | BigInt(part), 0n);
      return bisect(startHi.length, (index) => at(startHi, startLo, index) <= value, (index) => value <= at(endHi, endLo, index));
    },
  };
}

/** The last range starting at or before the address, if the address is not past its end. */
function bisect(length: number, startsAtOrBefore: (index: number) => boolean, endsAtOrAfter: (index: number) => boolean): number {
  let low = 0;
  let high = length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (startsAtOrBefore(middle)) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found >= 0 && endsAtOrAfter(found) ? found : -1;
}

async function loadV4(path: string, parse: (rest: string) => number): Promise<{ table: RangeTable; codes: Uint32Array }> {
  const starts = new Column(u32);
  const ends = new Column(u32);
  const codes = new Column(u32);
  await readRows(path, (start, end, rest) => {
    starts.push(Number(start));
    ends.push(Number(end));
    codes.push(parse(rest));
  });
  return { table: v4Table(starts.trimmed(), ends.trimmed()), codes: codes.trimmed() };
}

async function loadV6(path: string, parse: (rest: string) => number): Promise<{ table: RangeTable; codes: Uint32Array }> {
  const columns = [new Column(u64), new Column(u64), new Column(u64), new Column(u64)] as const;
  const codes = new Column(u32);
  await readRows(path, (start, end, rest) => {
    const from = BigInt(start);
    const to = BigInt(end);
    columns[0].push(from >> 64n);
    columns[1].push(from & LOW_64);
    columns[2].push(to >> 64n);
    columns[3].push(to & LOW_64);
    codes.push(parse(rest));
  });
  const [startHi, startLo, endHi, endLo] = columns.map((column) => column.trimmed()) as [BigUint64Array, BigUint64Array, BigUint64Array, BigUint64Array];
  return { table: v6Table(startHi, startLo, endHi, endLo), codes: codes.trimmed() };
}

/** Where the packages are, whether run from source (tests, CLI) or from the built app. */
export function defaultDataFiles(): { asnV4: string; asnV6: string; countryV4: string; countryV6: string } {
  const require = createRequire(import.meta.url);
  const asn = dirname(require.resolve('@ip-location-db/asn/package.json'));
  const country = dirname(require.resolve('@ip-location-db/asn-country/package.json'));
  return {
    asnV4: join(asn, 'asn-ipv4-num.csv'),
    asnV6: join(asn, 'asn-ipv6-num.csv'),
    countryV4: join(country, 'asn-country-ipv4-num.csv'),
    countryV6: join(country, 'asn-country-ipv6-num.csv'),
  };
}

/** Country codes packed in one number (two letters, 16 bits), so a range costs 4 bytes. */
function packCountry(code: string): number {
  const text = code.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(text) ? (text.charCodeAt(0) << 8) | text.charCodeAt(1) : 0;
}

function unpackCountry(packed: number | undefined): string | undefined {
  return packed === undefined || packed === 0 ? undefined : String.fromCharCode(packed >> 8, packed & 0xff);
}

export async function loadAsnDatabase(files = defaultDataFiles()): Promise<AsnDatabase> {
  // AS names repeat across thousands of ranges: each is stored once, ranges keep an index.
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const asNumbers: number[] = [];
  const asnCode = (rest: string): number => {
    const comma = rest.indexOf(',');
    let index = nameIndex.get(rest);
    if (index === undefined) {
      index = names.length;
      // A copy, not a slice: a slice would keep the whole CSV line alive.
      names.push(comma < 0 ? '' : Buffer.from(unquote(rest.slice(comma + 1)), 'utf8').toString('utf8'));
      asNumbers.push(Number(comma < 0 ? rest : rest.slice(0, comma)));
      nameIndex.set(rest, index);
    }
    return index;
  };
  const [asnV4, asnV6, countryV4, countryV6] = [
    await loadV4(files.asnV4, asnCode),
    await loadV6(files.asnV6, asnCode),
    await loadV4(files.countryV4, packCountry),
    await loadV6(files.countryV6, packCountry),
  ];
  nameIndex.clear();
  const asnOf = (loaded: { table: RangeTable; codes: Uint32Array }, address: ipaddr.IPv4 | ipaddr.IPv6): AsnInfo | undefined => {
    const index = loaded.table.find(address);
    if (index < 0) return undefined;
    const code = loaded.codes[index] ?? 0;
    const number = asNumbers[code];
    return number === undefined || !Number.isInteger(number) || number <= 0 ? undefined : { number, name: names[code] ?? '' };
  };
  const countryOf = (loaded: { table: RangeTable; codes: Uint32Array }, address: ipaddr.IPv4 | ipaddr.IPv6): string | undefined => {
    const index = loaded.table.find(address);
    return index < 0 ? undefined : unpackCountry(loaded.codes[index]);
  };
  return {
    lookup: (text) => {
      if (!ipaddr.isValid(text)) return {};
      let address = ipaddr.parse(text);
      // An IPv4-mapped IPv6 address (::ffff:8.8.8.8) is routed as its IPv4 address.
      if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
      const v4 = address.kind() === 'ipv4';
      const asn = asnOf(v4 ? asnV4 : asnV6, address);
      const country = countryOf(v4 ? countryV4 : countryV6, address);
      return { ...(asn === undefined ? {} : { asn }), ...(country === undefined ? {} : { country }) };
    },
  };
}

function unquote(text: string): string {
  return text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text;
}

let shared: Promise<AsnDatabase> | undefined;

/** The one copy for the process, loaded on first use; a failed load is tried again next time. */
export function sharedAsnDatabase(): Promise<AsnDatabase> {
  shared ??= loadAsnDatabase().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
