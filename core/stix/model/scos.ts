/**
 * The 18 STIX Cyber-observable Objects of STIX 2.1 §6, one table each on top of the SCO
 * common properties (§6.1), with one constraint hook per type where the spec relates
 * properties. Their ID-contributing properties live in ../ids.ts.
 */
import { pointer } from '../issues.ts';
import { scoCommon } from './common.ts';
import { atLeastOne, defineType, notBoth, requires, timeOrder } from './define.ts';
import {
  binary, boolean, dictionary, embedded, enumeration, formatted, hashes, hex, integer, list, openVocab, ref,
  required, string, timestamp, type Hook, type JsonObject, type Prop,
} from './properties.ts';
import { fileExtensions, networkTrafficExtensions, processExtensions, userAccountExtensions } from './scoExtensions.ts';
import { enums, vocab } from './vocabularies.ts';

const count = integer(0);
const common = scoCommon();
const SCO_COMMON_KEYS = new Set(['type', 'id', 'spec_version', 'object_marking_refs', 'granular_markings', 'defanged']);

/** Some SCOs must carry at least one property of their own (or an extension). */
function ownPropertyRequired(what: string): Hook {
  return (o, path, issues) => {
    if (!Object.keys(o).some((key) => !SCO_COMMON_KEYS.has(key))) issues.error(path, 'at-least-one', `${what} must have at least one property of its own.`);
  };
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\/(?:3[0-2]|[12]?\d))?$/;
const IPV6 = /^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(?:\/(?:12[0-8]|1[01]\d|[1-9]?\d))?$/;
const MAC48 = /^(?:[0-9a-f]{2}:){5}[0-9a-f]{2}$/;

export const artifact = defineType('artifact', 'sco', {
  ...common, mime_type: string(), payload_bin: binary(), url: string(), hashes: hashes(),
  encryption_algorithm: enumeration(enums.encryptionAlgorithm), decryption_key: string(),
}, (o, path, issues) => {
  notBoth(o, path, issues, 'payload_bin', 'url');
  if (o['url'] !== undefined && o['hashes'] === undefined) issues.error(pointer(path, 'hashes'), 'dependency', 'An artifact given by url must carry hashes.');
  requires(o, path, issues, 'decryption_key', 'encryption_algorithm');
});

export const autonomousSystem = defineType('autonomous-system', 'sco', {
  ...common, number: required(integer(0)), name: string(), rir: string(),
});

export const directory = defineType('directory', 'sco', {
  ...common, path: required(string()), path_enc: string(), ctime: timestamp(), mtime: timestamp(), atime: timestamp(),
  contains_refs: list(ref(['file', 'directory'])),
});

export const domainName = defineType('domain-name', 'sco', {
  ...common, value: required(string()), resolves_to_refs: list(ref(['ipv4-addr', 'ipv6-addr', 'domain-name'])),
});

/**
 * §6.5: value is an RFC 5322 addr-spec (local-part@domain, RFC 6532 allows UTF-8) and MUST
 * NOT include the display name, which has its own property.
 */
const ATOM = String.raw`[A-Za-z0-9!#$%&'*+/=?^_${'`'}{|}~\-\u{80}-\u{10FFFF}]+`;
const DOT_ATOM = String.raw`${ATOM}(?:\.${ATOM})*`;
const QUOTED = String.raw`"(?:[^"\\\r\n]|\\.)*"`;
const DOMAIN_LITERAL = String.raw`\[[^[\]\\\s]*\]`;
const ADDR_SPEC = new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@(?:${DOT_ATOM}|${DOMAIN_LITERAL})$`, 'u');
const NAME_AND_ADDRESS = /^\s*"?([^"<]*?)"?\s*<([^<>]+)>\s*$/;

const emailAddress: Prop<string, false> = {
  required: false,
  shape: { kind: 'string' },
  check(value, path, issues) {
    if (typeof value !== 'string') return issues.error(path, 'value-type', 'Expected an e-mail address such as jdoe@example.com.');
    if (ADDR_SPEC.test(value)) return;
    const named = NAME_AND_ADDRESS.exec(value);
    if (named !== null) {
      const name = named[1]?.trim();
      return issues.error(path, 'email-address', `Write only the address here (${named[2]?.trim() ?? ''})${name ? ` and put the name "${name}" in display_name` : ''}.`);
    }
    issues.error(path, 'email-address', value.includes('@')
      ? `"${value}" is not an e-mail address: write it as local-part@domain, e.g. jdoe@example.com, without spaces or a display name.`
      : `"${value}" has no @: write the address as local-part@domain, e.g. jdoe@example.com.`);
  },
};

export const emailAddr = defineType('email-addr', 'sco', {
  ...common, value: required(emailAddress), display_name: string(), belongs_to_ref: ref(['user-account']),
});

const mimePart = embedded(
  { body: string(), body_raw_ref: ref(['artifact', 'file']), content_type: string(), content_disposition: string() },
  (o, path, issues) => {
    atLeastOne(o, path, issues, ['body', 'body_raw_ref']);
    notBoth(o, path, issues, 'body', 'body_raw_ref');
  },
);

export const emailMessage = defineType('email-message', 'sco', {
  ...common, is_multipart: required(boolean()), date: timestamp(), content_type: string(),
  from_ref: ref(['email-addr']), sender_ref: ref(['email-addr']), to_refs: list(ref(['email-addr'])),
  cc_refs: list(ref(['email-addr'])), bcc_refs: list(ref(['email-addr'])), message_id: string(), subject: string(),
  received_lines: list(string()), additional_header_fields: dictionary(), body: string(), body_multipart: list(mimePart),
  raw_email_ref: ref(['artifact']),
}, (o, path, issues) => {
  // §6.6: a multipart message carries body_multipart, a single-part one body.
  if (o['is_multipart'] === true && o['body'] !== undefined) issues.error(pointer(path, 'body'), 'mutually-exclusive', 'A multipart message uses body_multipart, not body.');
  if (o['is_multipart'] === false && o['body_multipart'] !== undefined) issues.error(pointer(path, 'body_multipart'), 'mutually-exclusive', 'body_multipart is only for multipart messages.');
});

export const file = defineType('file', 'sco', {
  ...scoCommon(fileExtensions), hashes: hashes(), size: count, name: string(), name_enc: string(),
  magic_number_hex: hex(), mime_type: string(), ctime: timestamp(), mtime: timestamp(), atime: timestamp(),
  parent_directory_ref: ref(['directory']), contains_refs: list(ref(['sco'])), content_ref: ref(['artifact']),
}, (o, path, issues) => atLeastOne(o, path, issues, ['hashes', 'name']));

const addressRefs = {
  resolves_to_refs: list(ref(['mac-addr'])), belongs_to_refs: list(ref(['autonomous-system'])),
};

export const ipv4Addr = defineType('ipv4-addr', 'sco', {
  ...common, value: required(formatted(IPV4, 'an IPv4 address or CIDR block')), ...addressRefs,
});

export const ipv6Addr = defineType('ipv6-addr', 'sco', {
  ...common, value: required(formatted(IPV6, 'an IPv6 address or CIDR block')), ...addressRefs,
});

export const macAddr = defineType('mac-addr', 'sco', {
  ...common, value: required(formatted(MAC48, 'a lowercase, colon-delimited MAC-48 address such as d2:fb:49:24:37:18')),
});

export const mutex = defineType('mutex', 'sco', { ...common, name: required(string()) });

const endpoint = ref(['ipv4-addr', 'ipv6-addr', 'mac-addr', 'domain-name']);
const port = integer(0, 65535);

export const networkTraffic = defineType('network-traffic', 'sco', {
  ...scoCommon(networkTrafficExtensions), start: timestamp(), end: timestamp(), is_active: boolean(),
  src_ref: endpoint, dst_ref: endpoint, src_port: port, dst_port: port, protocols: required(list(string())),
  src_byte_count: count, dst_byte_count: count, src_packets: count, dst_packets: count, ipfix: dictionary(),
  src_payload_ref: ref(['artifact']), dst_payload_ref: ref(['artifact']),
  encapsulates_refs: list(ref(['network-traffic'])), encapsulated_by_ref: ref(['network-traffic']),
}, (o, path, issues) => {
  atLeastOne(o, path, issues, ['src_ref', 'dst_ref']);
  timeOrder(o, path, issues, 'start', 'end');
  if (o['is_active'] === true && o['end'] !== undefined) issues.error(pointer(path, 'end'), 'mutually-exclusive', 'Active traffic has no end.');
});

export const processSco = defineType('process', 'sco', {
  ...scoCommon(processExtensions), is_hidden: boolean(), pid: integer(), created_time: timestamp(), cwd: string(),
  command_line: string(), environment_variables: dictionary(string()), opened_connection_refs: list(ref(['network-traffic'])),
  creator_user_ref: ref(['user-account']), image_ref: ref(['file']), parent_ref: ref(['process']), child_refs: list(ref(['process'])),
}, ownPropertyRequired('A process'));

export const software = defineType('software', 'sco', {
  ...common, name: required(string()), cpe: string(), swid: string(), languages: list(string()), vendor: string(), version: string(),
});

export const url = defineType('url', 'sco', { ...common, value: required(string()) });

export const userAccount = defineType('user-account', 'sco', {
  ...scoCommon(userAccountExtensions), user_id: string(), credential: string(), account_login: string(),
  account_type: openVocab(vocab.accountType, 'account-type'), display_name: string(), is_service_account: boolean(),
  is_privileged: boolean(), can_escalate_privs: boolean(), is_disabled: boolean(), account_created: timestamp(),
  account_expires: timestamp(), credential_last_changed: timestamp(), account_first_login: timestamp(), account_last_login: timestamp(),
});

export const windowsRegistryKey = defineType('windows-registry-key', 'sco', {
  ...common, key: string(),
  values: list(embedded({ name: string(), data: string(), data_type: enumeration(enums.windowsRegistryDatatype) })),
  modified_time: timestamp(), creator_user_ref: ref(['user-account']), number_of_subkeys: count,
});

export const x509Certificate = defineType('x509-certificate', 'sco', {
  ...common, is_self_signed: boolean(), hashes: hashes(), version: string(), serial_number: string(),
  signature_algorithm: string(), issuer: string(), validity_not_before: timestamp(), validity_not_after: timestamp(),
  subject: string(), subject_public_key_algorithm: string(), subject_public_key_modulus: string(),
  subject_public_key_exponent: integer(0), x509_v3_extensions: dictionary(string()),
}, (o: Readonly<JsonObject>, path, issues) => {
  ownPropertyRequired('An X.509 certificate')(o, path, issues);
  timeOrder(o, path, issues, 'validity_not_before', 'validity_not_after');
});

export const scoDefinitions = [
  artifact, autonomousSystem, directory, domainName, emailAddr, emailMessage, file, ipv4Addr, ipv6Addr, macAddr,
  mutex, networkTraffic, processSco, software, url, userAccount, windowsRegistryKey, x509Certificate,
] as const;
