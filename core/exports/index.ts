/**
 * Exports beside STIX (issue 8, "Export formats"): CSV, a TXT blocklist and a MISP event,
 * pure conversions of a set of STIX objects that honour a maximum TLP the same way as the
 * STIX export (withhold.ts). The app's Export page and `magpie convert` both call `convert`.
 */
import type { TlpLevel } from '../stix/markings.ts';
import type { JsonObject } from '../stix/model/properties.ts';
import { toCsv, type CsvOptions } from './csv.ts';
import { toMispEvent, type MispExportOptions, type MispNotExported } from './misp.ts';
import { toTxt, type TxtOptions } from './txt.ts';
import { withholdAbove } from './withhold.ts';
import { leaveOutForExport, noneLeftOut, type LeaveOutOptions, type LeaveOutReason } from './leaveOut.ts';

export { BOM, CSV_COLUMNS, csvCell, toCsv, type CsvOptions } from './csv.ts';
export { defang } from './defang.ts';
export { DISTRIBUTION, toMispEvent, type MispAttributeOut, type MispEventOut, type MispExport, type MispExportOptions, type MispNotExported } from './misp.ts';
export { toMispFeed, type MispFeed, type MispFeedEvent, type MispFeedFile, type MispFeedOptions } from './mispFeed.ts';
export { exportMispFeed, type MispFeedExport, type MispFeedExportOptions } from './mispFeedExport.ts';
export { BLOCKLIST_KINDS, blocklistValues, toTxt, type BlocklistKind, type TxtOptions } from './txt.ts';
export { VALUE_KINDS, valuesOf, type ExportValue, type ValueKind } from './values.ts';
export { withholdAbove, type Withholding } from './withhold.ts';
export { LEAVE_OUT_REASONS, isExpired, leaveOutForExport, leaveOutReason, leftOutSentence, noneLeftOut, type LeaveOutOptions, type LeaveOutReason, type LeftOut } from './leaveOut.ts';

export const EXPORT_FORMATS = ['csv', 'txt', 'misp'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface Common {
  /** Withhold objects marked above this TLP; unmarked objects count as TLP:CLEAR. No limit when absent. */
  readonly maxTlp?: TlpLevel;
  /**
   * Issue 21: leave out revoked, expired and warninglisted objects (unless `include` says
   * otherwise). Every path that feeds a machine passes it — the CLI, the app's export
   * dialog, stream targets; without it nothing is left out (a conversion of a whole bundle).
   */
  readonly leaveOut?: LeaveOutOptions;
}

export type ConvertOptions =
  | (Common & { readonly to: 'csv' } & CsvOptions)
  | (Common & { readonly to: 'txt' } & TxtOptions)
  | (Common & { readonly to: 'misp' } & MispExportOptions);

export interface ConvertResult {
  readonly text: string;
  /** Objects that went into the conversion (each may give no row or value: a blocklist takes only observables). */
  readonly exported: number;
  /** Objects left out because of their marking, by TLP level. */
  readonly withheld: Partial<Record<TlpLevel, number>>;
  /** Relationships and sightings left out because an end of theirs was withheld. */
  readonly withheldRelationships: number;
  /** Objects left out as revoked, expired or warninglisted (issue 21). */
  readonly leftOut: Record<LeaveOutReason, number>;
  /** TXT: warninglisted values of indicators kept for their other values. */
  readonly leftOutValues: number;
  /** MISP: what maps to no MISP attribute or object, counted by kind with why (issue 20). */
  readonly notExported: readonly MispNotExported[];
}

export function convert(objects: readonly JsonObject[], options: ConvertOptions): ConvertResult {
  const { kept: shareable, withheld, withheldRelationships } = withholdAbove(objects, options.maxTlp);
  const { kept, counts, isWarninglisted } = options.leaveOut === undefined ? { kept: shareable, counts: noneLeftOut(), isWarninglisted: undefined } : leaveOutForExport(shareable, options.leaveOut);
  let leftOutValues = 0;
  let notExported: readonly MispNotExported[] = [];
  let text: string;
  if (options.to === 'csv') text = toCsv(kept, options);
  else if (options.to === 'txt') {
    const txt = toTxt(kept, isWarninglisted === undefined ? options : { ...options, omit: isWarninglisted });
    leftOutValues = txt.omitted;
    text = txt.text;
  } else {
    const misp = toMispEvent(kept, options);
    notExported = misp.notExported;
    text = `${JSON.stringify(misp.event, null, 2)}\n`;
  }
  return { text, exported: kept.length, withheld, withheldRelationships, leftOut: counts, leftOutValues, notExported };
}
