/**
 * The stream card's "Left out" line (issue 21, point 3): how many events the stream's
 * leave-out rules passed over and why, e.g. "12: 9 expired, 3 on a warninglist", naming
 * only the reasons that apply.
 */
import type { TFunction } from 'i18next';
import type { ConsumerSummaryView } from '../../../core/ipc/streamChannels.ts';

const REASONS = ['revoked', 'expired', 'warninglisted'] as const;

export function leftOutText(leftOut: ConsumerSummaryView['leftOut'], t: TFunction, language: string): string {
  const number = (value: number) => value.toLocaleString(language);
  const total = REASONS.reduce((sum, reason) => sum + leftOut[reason], 0);
  if (total === 0) return t('streams.leftOutNone');
  const reasons = REASONS.filter((reason) => leftOut[reason] > 0)
    .map((reason) => t(`streams.leftOutReasons.${reason}`, { formatted: number(leftOut[reason]) }))
    .join(t('streams.leftOutJoin'));
  return t('streams.leftOutValue', { formatted: number(total), reasons });
}
