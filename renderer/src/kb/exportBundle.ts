/**
 * STIX 2.1 bundle export of a selection, a search result, an investigation or the whole
 * store, honouring a maximum TLP: objects marked above it are withheld and counted, and so
 * are relationships that would point at them; containers lose their references to
 * withheld objects. An investigation exports as its objects plus a grouping naming them.
 */
import { investigationGrouping } from '../../../core/investigation/grouping.ts';
import type { Investigation } from '../../../core/investigation/types.ts';
import { convert, exportMispFeed, noneLeftOut, type ConvertResult, type ExportFormat, type LeaveOutReason, type MispNotExported } from '../../../core/exports/index.ts';
import { bundleToString } from '../../../core/stix/bundle/write.ts';
import { compareTlp, customTlpLevels, tlpOf, unofficialMarkingRefs, type TlpLevel } from '../../../core/stix/markings.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { validateObject } from '../../../core/stix/validate.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import { KbError } from './errors.ts';
import { getInvestigation } from './investigations.ts';
import { closure, subgraph } from './queries/graph.ts';
import type { StoredObject } from './records.ts';
import { activeWarninglistIndex } from './warninglists/activeIndex.ts';

export interface ExportRequest {
  /** The objects to export; all objects in the store when omitted. */
  ids?: string[];
  /**
   * Export this investigation instead of `ids`: its objects, the relationships and
   * sightings among them, what they need to stand alone, and a grouping naming them.
   */
  investigationId?: string;
  /** Add what the objects need to stand alone (markings, creators, relationship ends). */
  includeClosure?: boolean;
  /** Also export what containers in the selection refer to (a report's contents). */
  includeContents?: boolean;
  /** Also export the relationships around the selection, this many steps out. */
  relationshipDepth?: number;
  /** Withhold objects marked above this TLP; unmarked objects count as TLP:CLEAR. */
  maxTlp?: TlpLevel;
  /** Remove Magpie's own x_magpie_* properties. */
  stripMagpieProperties?: boolean;
  /** STIX 2.1 (the default), or one of core/exports' formats over the same objects. */
  format?: 'stix' | ExportFormat | 'misp-feed';
  /** CSV: `,` instead of `;`, and a BOM for Excel; TXT: defanged values. */
  formatOptions?: { separator?: ',' | ';'; bom?: boolean; defang?: boolean };
  /**
   * CSV, TXT, MISP (issue 21): leave out revoked and expired indicators and warninglisted
   * values, and count them. The export dialog sends it unless the analyst ticks "include".
   */
  leaveOut?: boolean;
}

export interface ExportResult {
  /** The exported text: a STIX bundle, or the CSV, TXT or MISP event asked for (a MISP feed: its manifest). */
  bundle: string;
  /** A MISP feed's files (manifest.json, hashes.csv, one <uuid>.json per event), for main to write as a folder. */
  files?: { name: string; text: string }[];
  exported: number;
  /** Objects left out because of their marking, by TLP level. */
  withheld: Partial<Record<TlpLevel, number>>;
  /** Relationships, sightings and containers left out because what they point at was withheld. */
  withheldRelationships: number;
  /** What `leaveOut` left out, by reason (zero for STIX and when not asked). */
  leftOut: Record<LeaveOutReason, number>;
  /** TXT: warninglisted values of indicators kept for their other values. */
  leftOutValues: number;
  /** MISP event and feed: what has no place in a MISP event, by kind, with a reason code (issue 20). */
  notExported: MispNotExported[];
}

const CONTAINER_REFS = ['object_refs', 'observed_data_refs', 'where_sighted_refs', 'sample_refs'];

function stripMagpie(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !key.startsWith('x_magpie_')));
}

/** The investigation and its members: the nodes the store still holds and the relationships and sightings among them. */
export async function investigationMembers(db: KbDatabase, id: string) {
  const investigation = await getInvestigation(db, id);
  const slice = await subgraph(db, investigation.nodes.map((node) => node.id));
  const members = [...slice.nodes.map((node) => node.id), ...slice.edges.filter((edge) => edge.kind === 'relationship').map((edge) => edge.id)];
  if (members.length === 0) throw new KbError('nothing-to-export', 'None of the objects in this investigation is in the knowledge base any more; nothing to export.');
  return { investigation, members: [...new Set(members)] };
}

export async function exportBundle(db: KbDatabase, request: ExportRequest): Promise<ExportResult> {
  const investigation = request.investigationId === undefined ? undefined : await investigationMembers(db, request.investigationId);
  let ids = investigation?.members ?? request.ids ?? (await db.objects.toCollection().primaryKeys());
  // An exported investigation always stands alone: it is meant to be handed to someone.
  if (investigation || request.includeClosure || request.includeContents || (request.relationshipDepth ?? 0) > 0) {
    ids = await closure(db, ids, { relationshipDepth: request.relationshipDepth ?? 0, includeContents: request.includeContents ?? false });
  }
  const { kept: selected, withheld, withheldRelationships } = await withholdAbove(db, ids, request.maxTlp);
  let kept = selected;
  if (request.stripMagpieProperties) kept = kept.map(stripMagpie);
  if (investigation) kept = withGrouping(kept, investigation.investigation, investigation.members);
  const rendered = await render(kept, request, db);
  return { bundle: rendered.text, ...(rendered.files === undefined ? {} : { files: rendered.files }), exported: rendered.exported, withheld, withheldRelationships, leftOut: rendered.leftOut, leftOutValues: rendered.leftOutValues, notExported: [...rendered.notExported] };
}

/**
 * The stored objects `ids` names, less those marked above `maxTlp` (unmarked count as
 * TLP:CLEAR), less the relationships and sightings that point at what was withheld, and
 * with containers' references to it removed. The STIX, CSV, TXT and MISP exports and the
 * TAXII server's collections (issue 18) all share it.
 */
export async function withholdAbove(db: KbDatabase, ids: readonly string[], maxTlp: TlpLevel | undefined): Promise<{ kept: JsonObject[]; records: StoredObject[]; withheld: Partial<Record<TlpLevel, number>>; withheldRelationships: number }> {
  const records = (await db.objects.bulkGet([...ids])).filter((record): record is StoredObject => record !== undefined);
  const withheld: Partial<Record<TlpLevel, number>> = {};
  const withheldIds = new Set<string>();
  let kept: JsonObject[] = [];
  // TLP markings under other ids (OpenCTI's own) count at the level their definitions give.
  const unofficial = [...new Set(records.flatMap((record) => unofficialMarkingRefs(record.stix)))];
  const definitions = unofficial.length === 0 ? [] : await db.objects.bulkGet(unofficial);
  const custom = customTlpLevels(definitions.flatMap((record) => (record ? [record.stix] : [])));
  for (const { stix } of records) {
    const level = tlpOf(stix, custom);
    if (maxTlp && level && compareTlp(level, maxTlp) > 0) {
      withheld[level] = (withheld[level] ?? 0) + 1;
      withheldIds.add(String(stix['id']));
    } else {
      kept.push(stix);
    }
  }
  let withheldRelationships = 0;
  if (withheldIds.size > 0) {
    kept = kept.flatMap((object) => {
      if ([object['source_ref'], object['target_ref'], object['sighting_of_ref']].some((ref) => typeof ref === 'string' && withheldIds.has(ref))) {
        withheldRelationships += 1;
        return [];
      }
      const trimmed: JsonObject = { ...object };
      for (const key of CONTAINER_REFS) {
        const refs = trimmed[key];
        if (!Array.isArray(refs)) continue;
        trimmed[key] = refs.filter((ref) => typeof ref !== 'string' || !withheldIds.has(ref));
        // A container left with nothing it may show is withheld with its contents.
        if ((trimmed[key] as unknown[]).length === 0) {
          withheldRelationships += 1;
          return [];
        }
      }
      return [trimmed];
    });
  }
  return { kept, records, withheld, withheldRelationships };
}

/** The kept objects in the chosen format; TLP was applied above, so the conversion withholds nothing more. */
async function render(kept: JsonObject[], request: ExportRequest, db: KbDatabase): Promise<Pick<ConvertResult, 'text' | 'exported' | 'leftOut' | 'leftOutValues' | 'notExported'> & Pick<ExportResult, 'files'>> {
  const options = request.formatOptions ?? {};
  // The analyst's warninglists (issue 21, point 4): a list turned off no longer leaves its values out.
  const leaveOut = request.leaveOut === true ? { leaveOut: { warninglists: await activeWarninglistIndex(db) } } : {};
  switch (request.format ?? 'stix') {
    case 'stix':
      return { text: await bundleToString(kept), exported: kept.length, leftOut: noneLeftOut(), leftOutValues: 0, notExported: [] };
    case 'csv':
      return convert(kept, { to: 'csv', separator: options.separator ?? ';', bom: options.bom ?? false, ...leaveOut });
    case 'txt':
      return convert(kept, { to: 'txt', fang: options.defang ? 'defanged' : 'refanged', ...leaveOut });
    case 'misp':
      return convert(kept, { to: 'misp', ...leaveOut });
    case 'misp-feed': {
      // A folder, not one text: the preview shows its manifest, main writes the files.
      const { feed, exported, leftOut } = exportMispFeed(kept, leaveOut);
      const files = feed.files.map((file) => ({ name: file.name, text: file.text }));
      return { text: files[0]?.text ?? '', files, exported, leftOut, leftOutValues: 0, notExported: feed.notExported };
    }
  }
}

/** The exported objects plus the investigation's grouping, which names the members that were not withheld. */
function withGrouping(kept: JsonObject[], investigation: Investigation, members: readonly string[]): JsonObject[] {
  const exported = new Set(kept.map((object) => object['id']));
  const refs = members.filter((id) => exported.has(id));
  if (refs.length === 0) throw new KbError('nothing-to-export', 'Every object in this investigation is above the chosen TLP; nothing to export. Choose a higher TLP to share it.');
  const grouping = investigationGrouping(investigation, refs);
  const errors = validateObject(grouping).filter((issue) => issue.severity === 'error');
  if (errors.length > 0) throw new KbError('invalid-investigation', `This investigation cannot be exported as a STIX grouping: ${errors.map((issue) => `${issue.path} ${issue.message}`).join('; ')}.`);
  // A grouping imported back under the same id is replaced by this newer one, not repeated.
  return [...kept.filter((object) => object['id'] !== investigation.id), grouping];
}
