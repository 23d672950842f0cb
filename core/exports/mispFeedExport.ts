/**
 * The MISP feed as an export (issue 20, point 4): the same TLP withholding and issue-21
 * leave-out as `convert` (index.ts) applies to every other format, then toMispFeed. Shared
 * by `magpie convert --to misp-feed` and the app's export dialog.
 */
import type { TlpLevel } from '../stix/markings.ts';
import type { JsonObject } from '../stix/model/properties.ts';
import type { ConvertResult } from './index.ts';
import { leaveOutForExport, noneLeftOut, type LeaveOutOptions } from './leaveOut.ts';
import { toMispFeed, type MispFeed, type MispFeedOptions } from './mispFeed.ts';
import { withholdAbove } from './withhold.ts';

export interface MispFeedExportOptions extends MispFeedOptions {
  readonly maxTlp?: TlpLevel;
  readonly leaveOut?: LeaveOutOptions;
}

/** What `convert` says of every other format, with the feed's files instead of one text. */
export type MispFeedExport = Pick<ConvertResult, 'exported' | 'withheld' | 'withheldRelationships' | 'leftOut'> & { readonly feed: MispFeed };

export function exportMispFeed(objects: readonly JsonObject[], options: MispFeedExportOptions = {}): MispFeedExport {
  const { kept: shareable, withheld, withheldRelationships } = withholdAbove(objects, options.maxTlp);
  const { kept, counts } = options.leaveOut === undefined ? { kept: shareable, counts: noneLeftOut() } : leaveOutForExport(shareable, options.leaveOut);
  return { feed: toMispFeed(kept, options), exported: kept.length, withheld, withheldRelationships, leftOut: counts };
}
