/** Flags for one indicator: reserved ranges, allow/deny lists, publisher, defanged, revoked. */
import revokedAttack from '../../resources/extraction/attack-revoked.json' with { type: 'json' };
import { flag, revocationDetail } from './flags.ts';
import { RANGE_REASONS } from './rangeReasons.ts';
import type { Candidate } from './scan/candidate.ts';
import type { ExtractOptions, Flag } from './types.ts';
import { BUILTIN_BENIGN, BUILTIN_FREEMAIL, BUILTIN_PUBLISHERS, compileExactDomains, compileLists, type CompiledLists } from './valueLists.ts';
import { defaultWarninglistIndex, warninglistIndex } from '../warninglists/index.ts';
import { subjectOf } from '../warninglists/subject.ts';

const REVOKED: ReadonlyMap<string, string> = new Map(Object.entries(revokedAttack.ids));

export interface Classifier {
  flagsFor(candidate: Candidate, defanged: boolean): Flag[];
}

export function createClassifier(options: ExtractOptions): Classifier {
  const deny = compileLists(options.deny ?? []);
  const userAllow = compileLists(options.allow ?? []);
  const builtinBenign = compileLists([BUILTIN_BENIGN]);
  const publishersBuiltin = compileLists([BUILTIN_PUBLISHERS]);
  const freemail = compileExactDomains(BUILTIN_FREEMAIL);
  const warninglists = options.warninglists === undefined ? defaultWarninglistIndex() : warninglistIndex(options.warninglists);
  const publisher: CompiledLists = compileLists([{ name: 'publisher', values: options.publisherDomains ?? [] }]);

  return {
    flagsFor(candidate, defanged) {
      const flags: Flag[] = [];
      const subject = subjectOf(candidate.value, candidate.type);
      const denied = deny.find(subject);
      const hits = warninglists.hits(candidate.value, candidate.type);
      const benignList = hits.find((hit) => hit.category === 'false-positive')?.list;
      if (denied !== undefined) {
        flags.push(flag('denied', `On the deny list "${denied}".`, { why: 'deny-list', list: denied }));
      } else {
        const allowed = userAllow.find(subject) ?? builtinBenign.find(subject);
        const vendor = publishersBuiltin.find(subject);
        const freeMail = freemail.find(subject);
        if (allowed !== undefined) flags.push(flag('benign', `On the allow list "${allowed}".`, { why: 'allow-list', list: allowed }));
        else if (benignList !== undefined) flags.push(flag('benign', `On the warninglist "${benignList}".`, { why: 'warninglist', list: benignList }));
        else if (freeMail !== undefined) flags.push(flag('benign', `On the allow list "${freeMail}".`, { why: 'allow-list', list: freeMail }));
        else if (vendor !== undefined) flags.push(flag('benign', `A security vendor's or CERT's own site ("${vendor}").`, { why: 'vendor-site', site: vendor }));
        if (publisher.find(subject) !== undefined) flags.push(flag('publisher', "The report publisher's own domain.", { why: 'publisher' }));
      }
      if ((candidate.type === 'ipv4-addr' || candidate.type === 'ipv6-addr') && subject.ip !== undefined) {
        const range = subject.ip.range();
        if (range !== 'unicast') flags.push(flag('reserved', (RANGE_REASONS as Readonly<Record<string, string>>)[range] ?? `Special-purpose range (${range}).`, { why: 'range', range }));
      }
      const context = hits.find((hit) => hit.category === 'known')?.list;
      if (context !== undefined) flags.push(flag('context', `On the warninglist "${context}" (context, not a verdict).`, { why: 'warninglist', list: context }));
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
