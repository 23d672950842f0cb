/**
 * `magpie convert`'s issue-21 options: what a blocklist leaves out by default (revoked,
 * expired, warninglisted) and the flags that bring each back (the stderr note is
 * convertArgs.ts's `leftOutNote`).
 */
// Types only: `run.ts` reads LEAVE_OUT_FLAGS at start-up, before any exporter is loaded.
import type { LeaveOutOptions } from '../../core/exports/index.ts';

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
