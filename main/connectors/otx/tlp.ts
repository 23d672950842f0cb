/**
 * A pulse's `tlp` ("white", "green", "amber", "red"; newer pulses may say "clear") to the
 * marking OpenCTI's connector puts on it: the STIX 2.1 predefined TLP 1.0 definitions for
 * the colours both versions share, TLP 2.0 for "clear" and "amber+strict" (as core/misp
 * reads MISP's tlp tags, so the same colour is one marking whatever the source).
 */
import { TLP_1, TLP_2, type MarkingDefinition, type TlpLevel } from '../../../core/stix/index.ts';

const BY_NAME: Readonly<Record<string, MarkingDefinition>> = {
  white: TLP_1.white,
  clear: TLP_2.clear,
  green: TLP_1.green,
  amber: TLP_1.amber,
  'amber+strict': TLP_2['amber+strict'],
  red: TLP_1.red,
};

export function tlpMarking(name: string | undefined, fallback: TlpLevel): MarkingDefinition {
  const key = (name ?? '').trim().toLowerCase().replace(/^tlp:\s*/, '');
  return (Object.hasOwn(BY_NAME, key) ? BY_NAME[key] : undefined) ?? BY_NAME[fallback] ?? TLP_2[fallback];
}
