/** Flags for one indicator: reserved ranges, allow/deny lists, publisher, defanged, revoked. */
import ipaddr from 'ipaddr.js';
import revokedAttack from '../../resources/extraction/attack-revoked.json' with { type: 'json' };
import { flag, revocationDetail } from './flags.ts';
import { RANGE_REASONS } from './rangeReasons.ts';
import type { Candidate } from './scan/candidate.ts';
import type { ExtractOptions, Flag } from './types.ts';
import { BUILTIN_BENIGN, BUILTIN_FREEMAIL, BUILTIN_PUBLISHERS, compileExactDomains, compileLists, type CompiledLists, type ListSubject } from './valueLists.ts';

const REVOKED: ReadonlyMap<string, string> = new Map(Object.entries(revokedAttack.ids));

export interface Classifier {
  flagsFor(candidate: Candidate, defanged: boolean): Flag[];
}

function subjectOf(candidate: Candidate): ListSubject {
  const value = candidate.value.toLowerCase();
  switch (candidate.type) {
    case 'domain-name':
      return { value, host: value };
    case 'email-addr':
      return { value, host: value.slice(value.lastIndexOf('@') + 1) };
    case 'url': {
      const host = /^[a-z]+:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/:?#]*)/.exec(value)?.[1]?.replace(/^\[|\]$/g, '');
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

export function createClassifier(options: ExtractOptions): Classifier {
  const deny = compileLists(options.deny ?? []);
  const userAllow = compileLists(options.allow ?? []);
  const builtinBenign = compileLists([BUILTIN_BENIGN]);
  const publishersBuiltin = compileLists([BUILTIN_PUBLISHERS]);
  const freemail = compileExactDomains(BUILTIN_FREEMAIL);
  const publisher: CompiledLists = compileLists([{ name: 'publisher', values: options.publisherDomains ?? [] }]);

  return {
    flagsFor(candidate, defanged) {
      const flags: Flag[] = [];
      const subject = subjectOf(candidate);
      const denied = deny.find(subject);
      if (denied !== undefined) {
        flags.push(flag('denied', `On the deny list "${denied}".`, { why: 'deny-list', list: denied }));
      } else {
        const allowed = userAllow.find(subject) ?? builtinBenign.find(subject) ?? freemail.find(subject);
        const vendor = publishersBuiltin.find(subject);
        if (allowed !== undefined) flags.push(flag('benign', `On the allow list "${allowed}".`, { why: 'allow-list', list: allowed }));
        else if (vendor !== undefined) flags.push(flag('benign', `A security vendor's or CERT's own site ("${vendor}").`, { why: 'vendor-site', site: vendor }));
        if (publisher.find(subject) !== undefined) flags.push(flag('publisher', "The report publisher's own domain.", { why: 'publisher' }));
      }
      if ((candidate.type === 'ipv4-addr' || candidate.type === 'ipv6-addr') && subject.ip !== undefined) {
        const range = subject.ip.range();
        if (range !== 'unicast') flags.push(flag('reserved', (RANGE_REASONS as Readonly<Record<string, string>>)[range] ?? `Special-purpose range (${range}).`, { why: 'range', range }));
      }
      if (defanged) flags.push(flag('defanged', 'Written defanged in the text.', { why: 'defanged' }));
      if (candidate.filenameLike === true) {
        const extension = candidate.value.slice(candidate.value.lastIndexOf('.') + 1);
        flags.push(flag('filename-like', `".${extension}" is a real top-level domain and also a file extension.`, { why: 'file-extension', extension }));
      }
      if (candidate.type === 'attack-pattern') {
        const replacement = REVOKED.get(candidate.value);
        if (replacement !== undefined) flags.push(flag('revoked', replacement, revocationDetail(replacement)));
      }
      return flags;
    },
  };
}
