/**
 * Which extracted indicators start ticked on the review screen, and the keys that name
 * them. Flagged items (reserved ranges, allow-listed, the publisher's own site, file-like
 * domains) are shown but start unticked: the analyst opts them in, not out.
 */
import type { ExtractedIndicator, FlagCode } from '../../../core/extract/types.ts';

const UNTICKED_FLAGS: ReadonlySet<FlagCode> = new Set(['reserved', 'benign', 'publisher', 'filename-like']);

export function indicatorKey(indicator: Pick<ExtractedIndicator, 'type' | 'value'>): string {
  return `${indicator.type}|${indicator.value}`;
}

export function tickedByDefault(indicator: ExtractedIndicator): boolean {
  const codes = indicator.flags.map((flag) => flag.code);
  if (codes.includes('denied')) return true;
  return !codes.some((code) => UNTICKED_FLAGS.has(code));
}

export function defaultSelection(indicators: readonly ExtractedIndicator[]): Set<string> {
  return new Set(indicators.filter(tickedByDefault).map(indicatorKey));
}

/** The review's groups: one per type, in the order analysts read an IOC appendix. */
export const typeOrder: readonly ExtractedIndicator['type'][] = [
  'ipv4-addr',
  'ipv6-addr',
  'domain-name',
  'url',
  'email-addr',
  'file',
  'vulnerability',
  'attack-pattern',
  'cryptocurrency-wallet',
  'windows-registry-key',
  'autonomous-system',
  'mac-addr',
];

export interface IndicatorGroup {
  type: ExtractedIndicator['type'];
  indicators: ExtractedIndicator[];
}

export function groupByType(indicators: readonly ExtractedIndicator[]): IndicatorGroup[] {
  const byType = new Map<ExtractedIndicator['type'], ExtractedIndicator[]>();
  for (const indicator of indicators) {
    const group = byType.get(indicator.type);
    if (group) group.push(indicator);
    else byType.set(indicator.type, [indicator]);
  }
  return typeOrder.flatMap((type) => {
    const group = byType.get(type);
    return group ? [{ type, indicators: group }] : [];
  });
}
