/**
 * PDF date strings (ISO 32000-1 §7.9.4): `D:YYYYMMDDHHmmSSOHH'mm'`, every part after the
 * year optional, `O` one of `+`, `-`, `Z`. Producers also write the apostrophes missing,
 * a trailing apostrophe, or an XMP-style ISO date; all are read. Returns an ISO 8601
 * UTC timestamp, or `undefined` for text that is not a date.
 */
const PDF_DATE = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(?:(\d{2})'?)?)?)?\s*$/;

function inRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

export function parsePdfDate(text: string): string | undefined {
  const trimmed = text.trim();
  const match = PDF_DATE.exec(trimmed);
  if (!match) return isoDate(trimmed);
  const [, year = '', month = '01', day = '01', hour = '00', minute = '00', second = '00', sign, offsetHours = '00', offsetMinutes = '00'] = match;
  const parts = [Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second)] as const;
  if (!inRange(parts[1], 1, 12) || !inRange(parts[2], 1, 31) || !inRange(parts[3], 0, 23) || !inRange(parts[4], 0, 59) || !inRange(parts[5], 0, 59)) return undefined;
  const utc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]);
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const shifted = sign === '+' ? utc - offset : sign === '-' ? utc + offset : utc;
  const date = new Date(shifted);
  // Date.UTC rolls 31 February over into March; such a date is not one the document states.
  if (new Date(utc).getUTCDate() !== parts[2]) return undefined;
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** XMP dates are ISO 8601 already (`2016-05-12T10:20:30+09:00`, or just `2016-05-12`). */
function isoDate(text: string): string | undefined {
  if (!/^\d{4}-\d{2}(-\d{2})?(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(text)) return undefined;
  const date = new Date(text.length === 7 ? `${text}-01` : text);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
