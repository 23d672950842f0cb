/** The parts of an extracted or stored value that list entries are compared with. */
import ipaddr from 'ipaddr.js';

export interface ValueSubject {
  /** The value, lower-cased. */
  value: string;
  /** The host for domains, URLs and e-mail addresses. */
  host?: string;
  /** The address for IPs (a CIDR block's network address) and URLs whose host is one. */
  ip?: ipaddr.IPv4 | ipaddr.IPv6;
}

const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/:?#]*)/;

/** `type` is a STIX SCO type; others give the bare value. */
export function subjectOf(rawValue: string, type: string): ValueSubject {
  const value = rawValue.trim().toLowerCase();
  switch (type) {
    case 'domain-name':
      return { value, host: value.replace(/\.$/, '') };
    case 'email-addr':
      return { value, host: value.slice(value.lastIndexOf('@') + 1) };
    case 'url': {
      const host = URL_HOST.exec(value)?.[1]?.replace(/^\[|\]$/g, '');
      return host === undefined ? { value } : { value, host, ...(ipaddr.isValid(host) ? { ip: ipaddr.parse(host) } : {}) };
    }
    case 'ipv4-addr':
    case 'ipv6-addr': {
      const address = value.split('/')[0] ?? value;
      return ipaddr.isValid(address) ? { value, ip: ipaddr.parse(address) } : { value };
    }
    default:
      return { value };
  }
}

/** The host and each parent domain: a.b.example.com, b.example.com, example.com, com. */
export function* suffixesOf(host: string): Generator<string> {
  for (let index = -1; index < host.length; index = host.indexOf('.', index + 1)) {
    yield host.slice(index + 1);
    if (host.indexOf('.', index + 1) === -1) return;
  }
}
