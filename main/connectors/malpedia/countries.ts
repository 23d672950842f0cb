/**
 * Countries as Malpedia's actors name them: `meta.country` is an ISO 3166-1 alpha-2 code,
 * `cfr-suspected-victims` mixes country names with organisations and sectors. Names are
 * matched against the English names Node's Intl knows for every alpha-2 code (plus the
 * spellings the CFR list uses that Intl writes otherwise); what matches no country is not
 * a country, as OpenCTI's pycountry lookup decides.
 */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const ALSO_CALLED: Readonly<Record<string, string>> = {
  'united states of america': 'US',
  usa: 'US',
  'russian federation': 'RU',
  'republic of korea': 'KR',
  'korea, republic of': 'KR',
  "democratic people's republic of korea": 'KP',
  'north korea': 'KP',
  'iran, islamic republic of': 'IR',
  'viet nam': 'VN',
  'syrian arab republic': 'SY',
  uk: 'GB',
  'great britain': 'GB',
  'czech republic': 'CZ',
  turkey: 'TR',
  'hong kong': 'HK',
  'taiwan, province of china': 'TW',
  macau: 'MO',
};

let names: Map<string, string> | undefined;
let byName: Map<string, string> | undefined;

function tables(): { names: Map<string, string>; byName: Map<string, string> } {
  if (names === undefined || byName === undefined) {
    names = new Map();
    byName = new Map(Object.entries(ALSO_CALLED));
    const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (const first of LETTERS) {
      for (const second of LETTERS) {
        const code = `${first}${second}`;
        const name = display.of(code);
        // Codes Intl does not know, and the private-use / grouping ones it names (EU, UN, ZZ…).
        if (name === undefined || name === code || /^(EU|EZ|UN|ZZ|Q[M-Z]|X[A-JL-Z])$/.test(code)) continue;
        names.set(code, name);
        if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), code);
      }
    }
  }
  return { names, byName };
}

/** The English name of an alpha-2 code, or `undefined` when it is not a country code. */
export function countryName(code: string): string | undefined {
  return tables().names.get(code.trim().toUpperCase());
}

/** The alpha-2 code of a country named in English (or given as its code), else `undefined`. */
export function countryCode(nameOrCode: string): string | undefined {
  const value = nameOrCode.trim();
  if (/^[A-Za-z]{2}$/.test(value) && countryName(value) !== undefined) return value.toUpperCase();
  return tables().byName.get(value.toLowerCase());
}
