/** The shapes of Magpie's MISP export (draft-dulaunoy-misp-core-format §2), as PyMISP loads them. */

export interface MispExportOptions {
  /** The event's title (default: the report's name when one report is exported, else "Magpie export"). */
  readonly info?: string;
  /**
   * The event's uuid. Default: the report's uuid when one report is exported, else a UUIDv5 of
   * the exported objects' ids, so the same selection exported again updates the same MISP event.
   */
  readonly uuid?: string;
  /** 1 high, 2 medium, 3 low, 4 undefined (default). */
  readonly threatLevel?: 1 | 2 | 3 | 4;
  /** 0 initial, 1 ongoing, 2 completed (default). */
  readonly analysis?: 0 | 1 | 2;
  /** Overrides the distribution the TLP table (marking.ts) gives the event. */
  readonly distribution?: 0 | 1 | 2 | 3;
  /** The creating organisation, when the event should name one. */
  readonly orgName?: string;
  /** The event's timestamp, and its date when no report gives one (default: now). */
  readonly now?: Date;
}

export interface MispTag { name: string }

export interface MispSightingOut {
  uuid: string;
  /** "0" a sighting, "1" a false positive, "2" an expiration. */
  type: '0';
  date_sighting: string;
  source?: string;
}

export interface MispAttributeOut {
  uuid: string;
  type: string;
  category: string;
  value: string;
  to_ids: boolean;
  distribution: string;
  timestamp: string;
  comment?: string;
  object_relation?: string;
  Tag: MispTag[];
  Sighting?: MispSightingOut[];
}

export interface MispObjectOut {
  uuid: string;
  name: string;
  'meta-category': string;
  description: string;
  template_uuid: string;
  template_version: string;
  distribution: string;
  timestamp: string;
  comment?: string;
  Attribute: MispAttributeOut[];
}

export interface MispEventReportOut {
  uuid: string;
  name: string;
  content: string;
  distribution: string;
  timestamp: string;
}

export interface MispEventOut {
  Event: {
    uuid: string;
    info: string;
    date: string;
    timestamp: string;
    published: boolean;
    threat_level_id: string;
    analysis: string;
    distribution: string;
    Orgc?: { name: string };
    Tag: MispTag[];
    Attribute: MispAttributeOut[];
    Object: MispObjectOut[];
    EventReport: MispEventReportOut[];
  };
}

/** Why an object has no place in a MISP event; the export dialog words each code in the analyst's language. */
export const NOT_EXPORTED_WHY = {
  'no-mapping': 'no MISP attribute type or object template for it in Magpie\'s export',
  wallet: 'only Bitcoin and Monero addresses have a MISP type (btc, xmr)',
  'empty-object': 'it holds none of the properties its MISP object template has',
  'not-in-events': 'MISP events hold no such object; it stays in the STIX export',
  'pattern-language': 'MISP has no attribute type for this pattern language (yara, sigma, snort and suricata map)',
  'pattern-no-value': 'its pattern compares no value with = (ranges, LIKE, MATCHES and NOT name no value to share)',
} as const;
export type NotExportedReason = keyof typeof NOT_EXPORTED_WHY;

/** What the export left out, counted by kind, with why, for stderr and the export dialog. */
export interface MispNotExported {
  /** A STIX type, or `indicator (pattern_type)`. */
  readonly what: string;
  readonly count: number;
  readonly reason: NotExportedReason;
  /** The reason in English (the CLI's stderr). */
  readonly why: string;
}

export interface MispExport {
  readonly event: MispEventOut;
  readonly attributes: number;
  readonly objects: number;
  readonly notExported: readonly MispNotExported[];
}
