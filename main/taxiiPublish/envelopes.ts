/**
 * Splits objects into TAXII 2.1 envelopes (§3.7) that each fit the API root's
 * `max_content_length` (§4.2: a larger request is refused with 413). An object that alone
 * does not fit is set aside, to be reported as failed rather than sent.
 */
export interface Envelope {
  /** The request body: `{"objects":[…]}`. */
  body: string;
  ids: string[];
}

export interface EnvelopeSplit {
  envelopes: Envelope[];
  /** Objects larger than the limit on their own, with their size in bytes. */
  tooLarge: { object: Record<string, unknown>; bytes: number }[];
}

const OPEN = '{"objects":[';
const CLOSE = ']}';
/** Envelopes hold at most this many objects, so progress moves and one refusal costs little. */
const MAX_OBJECTS_PER_ENVELOPE = 500;

export function splitIntoEnvelopes(objects: readonly Record<string, unknown>[], maxBytes: number): EnvelopeSplit {
  const envelopes: Envelope[] = [];
  const tooLarge: EnvelopeSplit['tooLarge'] = [];
  const frame = byteLength(OPEN) + byteLength(CLOSE);
  let parts: string[] = [];
  let ids: string[] = [];
  let bytes = frame;
  const flush = (): void => {
    if (parts.length === 0) return;
    envelopes.push({ body: `${OPEN}${parts.join(',')}${CLOSE}`, ids });
    parts = [];
    ids = [];
    bytes = frame;
  };
  for (const object of objects) {
    const text = JSON.stringify(object);
    const size = byteLength(text);
    if (frame + size > maxBytes) {
      tooLarge.push({ object, bytes: size });
      continue;
    }
    const comma = parts.length === 0 ? 0 : 1;
    if (bytes + comma + size > maxBytes || parts.length >= MAX_OBJECTS_PER_ENVELOPE) flush();
    bytes += (parts.length === 0 ? 0 : 1) + size;
    parts.push(text);
    ids.push(String(object['id']));
  }
  flush();
  return { envelopes, tooLarge };
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
