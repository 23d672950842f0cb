/** The JSON body of one event: compact, one line, the fields in a fixed order. */
import type { ChangeEvent } from '../types.ts';

export function eventJson(event: ChangeEvent): string {
  // A fixed key order keeps bodies byte-identical across runs, so receivers can dedupe on them.
  // `source` says which import or connector made the change (absent for deletes).
  return JSON.stringify({ seq: event.seq, op: event.op, at: event.at, id: event.id, type: event.type, ...(event.source === undefined ? {} : { source: event.source }), object: event.object });
}
