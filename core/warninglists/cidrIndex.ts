/**
 * Address blocks as sorted, merged [start, end] ranges per address family, so a lookup is
 * a binary search rather than a scan over every block (MISP's cloud lists run to
 * thousands of ranges, and a pasted list to thousands of values).
 */
import ipaddr from 'ipaddr.js';

type Range = [bigint, bigint];

function toBigInt(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  let result = 0n;
  for (const byte of address.toByteArray()) result = (result << 8n) | BigInt(byte);
  return result;
}

function rangeOf(entry: string): { kind: 'ipv4' | 'ipv6'; range: Range } | undefined {
  const text = entry.trim().toLowerCase();
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  let prefix: number;
  if (ipaddr.isValidCIDR(text)) [address, prefix] = ipaddr.parseCIDR(text);
  else if (ipaddr.isValid(text)) {
    address = ipaddr.parse(text);
    prefix = address.kind() === 'ipv4' ? 32 : 128;
  } else return undefined;
  const bits = address.kind() === 'ipv4' ? 32 : 128;
  const size = 1n << BigInt(bits - prefix);
  const start = (toBigInt(address) / size) * size;
  return { kind: address.kind(), range: [start, start + size - 1n] };
}

function merge(ranges: Range[]): Range[] {
  ranges.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1] + 1n) last[1] = range[1] > last[1] ? range[1] : last[1];
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function contains(ranges: readonly Range[], value: bigint): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const range = ranges[middle] as Range;
    if (value < range[0]) high = middle - 1;
    else if (value > range[1]) low = middle + 1;
    else return true;
  }
  return false;
}

export interface CidrIndex {
  /** Whether an address (IPv4 or IPv6, a CIDR's network address too) falls in a block. */
  has(address: ipaddr.IPv4 | ipaddr.IPv6): boolean;
  readonly size: number;
}

/** Entries that are not addresses or blocks are ignored (a MISP cidr list holds only those). */
export function cidrIndex(entries: readonly string[]): CidrIndex {
  const v4: Range[] = [];
  const v6: Range[] = [];
  for (const entry of entries) {
    const found = rangeOf(entry);
    if (found) (found.kind === 'ipv4' ? v4 : v6).push(found.range);
  }
  const ipv4 = merge(v4);
  const ipv6 = merge(v6);
  return {
    size: ipv4.length + ipv6.length,
    has(address) {
      // An IPv4-mapped IPv6 address (::ffff:8.8.8.8) is its IPv4 address.
      const plain = address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
      return contains(plain.kind() === 'ipv4' ? ipv4 : ipv6, toBigInt(plain));
    },
  };
}
