/** The flag codes with the English sentence the review screen shows for each. */
import type { Flag, FlagCode, FlagDetail } from './types.ts';

export const FLAG_DESCRIPTIONS: Readonly<Record<FlagCode, string>> = {
  reserved: 'A private, loopback, link-local, multicast, reserved or documentation address.',
  benign: 'On an allow list: a well-known service, a reference site or an imported warning list.',
  denied: 'On your deny list: reported as malicious even where another rule says benign.',
  publisher: "The report publisher's own site or contact.",
  defanged: 'Written defanged in the text, a strong sign the author meant it as an indicator.',
  'filename-like': 'A domain whose last label is also a common file extension; it may be a file name.',
  revoked: 'An ATT&CK id that MITRE has revoked or deprecated.',
  context: 'On a warninglist that says what the value is (a link shortener, free mail, cloud hosting); it stays ticked.',
};

/** Every flag code in display order. */
export const FLAG_CODES: readonly FlagCode[] = ['denied', 'benign', 'publisher', 'reserved', 'context', 'defanged', 'filename-like', 'revoked'];

export function flag(code: FlagCode, reason: string, detail?: FlagDetail): Flag {
  return detail ? { code, reason, detail } : { code, reason };
}

/** The revoked-id table's sentence ("Revoked by MITRE (ATT&CK v18.1); use T1647.") as data. */
export function revocationDetail(sentence: string): FlagDetail | undefined {
  const match = /^(Revoked|Deprecated) by MITRE \(([^)]*)\)(?:; use ([\w.]+))?/.exec(sentence);
  if (!match) return undefined;
  const version = match[2] ?? '';
  return match[1] === 'Deprecated' ? { why: 'deprecated', version } : { why: 'revoked', version, replacement: match[3] ?? null };
}
