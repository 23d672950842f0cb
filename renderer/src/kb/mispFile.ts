/**
 * A MISP event file (an export, a feed event, a REST response) read for the bundle import:
 * converted to STIX 2.1 by core/misp, then previewed and ingested like a bundle. What the
 * conversion could not map comes back as warnings with the import's result.
 */
import { detectFormat, SNIFF_BYTES } from '../../../core/documents/detectFormat.ts';
import { MispError, mispEventToStix } from '../../../core/misp/index.ts';
import { validateObject, type Issue } from '../../../core/stix/index.ts';
import { KbError } from './errors.ts';
import type { IngestItem } from './ingest.ts';

export function isMispFile(head: Uint8Array, name: string): boolean {
  return detectFormat(name, head.subarray(0, SNIFF_BYTES)).kind === 'misp-event';
}

export interface MispItems {
  items: IngestItem[];
  /** The conversion's warnings (unmapped attribute types, sightings, proposals), as issues. */
  issues: Issue[];
}

export function mispItems(text: string, name: string): MispItems {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KbError('not-a-bundle', `${name}: the MISP event is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    const { objects, warnings } = mispEventToStix(json);
    return {
      items: objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })),
      issues: warnings.map((message) => ({ path: '', severity: 'warning', rule: 'upgraded', message: `MISP conversion: ${message}` })),
    };
  } catch (error) {
    if (error instanceof MispError) throw new KbError('not-a-bundle', `${name}: ${error.message}`);
    throw error;
  }
}
