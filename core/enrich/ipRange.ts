/**
 * IP address classification for enrichment. ipaddr.js's range() lumps the RFC 5737 /
 * RFC 3849 / RFC 9637 documentation blocks and the RFC 2544 benchmarking block into
 * `reserved`; they are split out here because "this address is from an example in a
 * document" is the most useful thing to tell an analyst reading a report.
 */
import ipaddr from 'ipaddr.js';

export interface IpClass {
  /** ipaddr.js's range name, or `documentation` / `benchmarking` where split out. */
  range: string;
  /** Whether the address can be a host on the public internet worth blocking or sharing. */
  routable: boolean;
  description: string;
  /** The address ipaddr.js read, in its canonical text form. */
  address: string;
}

const DOCUMENTATION: readonly (readonly [string, number])[] = [
  ['192.0.2.0', 24], ['198.51.100.0', 24], ['203.0.113.0', 24], ['2001:db8::', 32], ['3fff::', 20],
];
const BENCHMARKING_V4: readonly [string, number] = ['198.18.0.0', 15];

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  unicast: 'Public unicast address.',
  private: 'Private network address (RFC 1918).',
  uniqueLocal: 'Unique local address (RFC 4193), the IPv6 private range.',
  documentation: 'Documentation address (RFC 5737 TEST-NET / RFC 3849 / RFC 9637), used only in examples.',
  benchmarking: 'Benchmarking address (RFC 2544 / RFC 5180).',
  carrierGradeNat: 'Carrier-grade NAT shared address space (RFC 6598).',
  reserved: 'Reserved special-purpose address (IANA registry).',
  multicast: 'Multicast group address.',
  loopback: 'Loopback address.',
  linkLocal: 'Link-local address.',
  unspecified: 'Unspecified address.',
  broadcast: 'Limited broadcast address.',
  deprecatedSiteLocal: 'Deprecated site-local address.',
  discard: 'Discard-only prefix (RFC 6666).',
  segmentRouting: 'SRv6 segment identifier space.',
  '6to4': '6to4 transition address (carries a public IPv4 address).',
  teredo: 'Teredo tunnelling address.',
  rfc6052: 'IPv4/IPv6 translation prefix (RFC 6052).',
  rfc6145: 'IPv4-translated address (RFC 6145).',
  amt: 'AMT relay address.',
  as112: 'AS112 reverse-DNS sink address.',
  as112v6: 'AS112 reverse-DNS sink address.',
  orchid2: 'ORCHIDv2 identifier, not a locator.',
  deprecatedOrchid: 'Deprecated ORCHID identifier, not a locator.',
  droneRemoteIdProtocolEntityTags: 'Drone remote-ID entity tag, not a locator.',
};

/**
 * Ranges whose addresses reach a host on the public internet. An allow-list rather than a
 * deny-list so that a range added by a newer ipaddr.js is treated as not routable (a
 * missing block is safer than a spurious one).
 */
const ROUTABLE = new Set(['unicast', '6to4', 'teredo', 'rfc6052', 'rfc6145', 'amt', 'as112', 'as112v6']);

function within(address: ipaddr.IPv4 | ipaddr.IPv6, [network, bits]: readonly [string, number]): boolean {
  const base = ipaddr.parse(network);
  if (address instanceof ipaddr.IPv4) return base instanceof ipaddr.IPv4 && address.match(base, bits);
  return base instanceof ipaddr.IPv6 && address.match(base, bits);
}

/**
 * Classifies one address (a CIDR's network part when given `a/n`). `undefined` when the
 * text is not an address of the expected version; IPv4 takes only dotted quads, because
 * ipaddr.js would otherwise read `1` or `0x7f.1` as addresses.
 */
export function classifyIp(value: string, version: 4 | 6): IpClass | undefined {
  const text = (value.split('/')[0] ?? '').trim();
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  if (version === 4) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return undefined;
    address = ipaddr.IPv4.parse(text);
  } else {
    if (!ipaddr.IPv6.isValid(text)) return undefined;
    const v6 = ipaddr.IPv6.parse(text);
    // ::ffff:a.b.c.d is that IPv4 host; classify what it points at.
    address = v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
  }
  let range: string = address.range();
  if (DOCUMENTATION.some((block) => within(address, block))) range = 'documentation';
  else if (within(address, BENCHMARKING_V4)) range = 'benchmarking';
  return {
    range,
    routable: ROUTABLE.has(range),
    description: DESCRIPTIONS[range] ?? `Special-purpose range (${range}).`,
    address: address.toString(),
  };
}
