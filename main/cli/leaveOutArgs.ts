/**
 * `magpie convert`'s issue-21 options: what a blocklist leaves out by default (revoked,
 * expired, warninglisted) and the flags that bring each back, with the stderr note.
 */
import { leftOutSentence, type ConvertResult, type LeaveOutOptions } from '../../core/exports/index.ts';

type Values = Record<string, unknown>;

export const LEAVE_OUT_FLAGS = {
  'include-revoked': { type: 'boolean' },
  'include-expired': { type: 'boolean' },
  'include-warninglisted': { type: 'boolean' },
  'include-all': { type: 'boolean' },
} as const;

export function leaveOutOptions(values: Values, now?: Date): LeaveOutOptions {
  const all = values['include-all'] === true;
  return {
    ...(now === undefined ? {} : { now }),
    include: { revoked: all || values['include-revoked'] === true, expired: all || values['include-expired'] === true, warninglisted: all || values['include-warninglisted'] === true },
  };
}

/** The stderr line, or undefined when nothing was left out. */
export function leftOutNote(result: Pick<ConvertResult, 'leftOut' | 'leftOutValues'>): string | undefined {
  const sentence = leftOutSentence(result.leftOut, result.leftOutValues);
  return sentence === undefined ? undefined : `magpie: note: ${sentence}; --include-revoked, --include-expired, --include-warninglisted or --include-all to export them\n`;
}
