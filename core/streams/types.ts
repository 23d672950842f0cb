/**
 * What a stream consumer sends (issue 8): one change to the knowledge base, numbered by the
 * store's change log so a consumer can resume exactly after the last event a target took.
 */
import type { JsonObject, TlpLevel } from '../stix/index.ts';

export type ChangeOp = 'create' | 'update' | 'delete';

export interface ChangeEvent {
  /** The change log's sequence number: strictly increasing, the consumer's cursor. */
  seq: number;
  op: ChangeOp;
  /** ISO 8601 time of the change. */
  at: string;
  /** STIX id. */
  id: string;
  /** STIX type. */
  type: string;
  /** Who made the change: `file:…`, `connector:<id>`, `manual:analyst-edits`; absent for deletes. */
  source?: string;
  /**
   * The object's strictest TLP as the knowledge base reads it, TLP marking definitions
   * under other ids (OpenCTI's own) included; absent when it carries none.
   */
  tlp?: TlpLevel;
  /** The object after the change; for a delete, the last stored version. */
  object: JsonObject;
}
