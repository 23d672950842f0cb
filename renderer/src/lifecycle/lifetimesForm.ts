/**
 * Settings → Indicator lifetimes as a form (issue 21, point 2): the fields shown from the
 * current settings, and what the analyst typed checked and turned into the overrides the
 * knowledge base keeps. Only values that differ from the defaults are kept, so a default
 * improved in a later release reaches everyone who never changed it.
 */
import { DECAY_TYPES, DEFAULT_DECAY, type DecayOverrides, type DecaySettings, type DecayType } from '../../../core/lifecycle/decay.ts';

export type FieldValue = number | string;
export type FieldKey = DecayType | 'revokeScore' | 'speed';
/** Which message a field's error shows (lifecycle.lifetimes.errors.*). */
export type FieldError = 'lifetime' | 'revokeScore' | 'speed';

export type LifetimeFields = Record<FieldKey, FieldValue>;

export function fieldsOf(settings: DecaySettings): LifetimeFields {
  return { ...settings.lifetimeDays, revokeScore: settings.revokeScore, speed: settings.speed };
}

/** A typed number: NumberInput gives '' for an empty field and a string for what it cannot read yet. */
function numberOf(value: FieldValue): number | undefined {
  const number = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function wholeIn(value: FieldValue, min: number, max: number): number | undefined {
  const number = numberOf(value);
  return number !== undefined && Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

export type ParsedFields = { ok: true; overrides: DecayOverrides } | { ok: false; errors: Partial<Record<FieldKey, FieldError>> };

/** The same ranges as the stored schema (core/lifecycle/decay.ts, DecayOverrides). */
export function parseFields(fields: LifetimeFields): ParsedFields {
  const errors: Partial<Record<FieldKey, FieldError>> = {};
  const lifetimeDays: Partial<Record<DecayType, number>> = {};
  for (const type of DECAY_TYPES) {
    const days = wholeIn(fields[type], 1, 3650);
    if (days === undefined) errors[type] = 'lifetime';
    else if (days !== DEFAULT_DECAY.lifetimeDays[type]) lifetimeDays[type] = days;
  }
  const revokeScore = wholeIn(fields.revokeScore, 0, 100);
  if (revokeScore === undefined) errors.revokeScore = 'revokeScore';
  const speed = numberOf(fields.speed);
  if (speed === undefined || speed < 0.1 || speed > 10) errors.speed = 'speed';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    overrides: {
      ...(Object.keys(lifetimeDays).length > 0 ? { lifetimeDays } : {}),
      ...(revokeScore !== undefined && revokeScore !== DEFAULT_DECAY.revokeScore ? { revokeScore } : {}),
      ...(speed !== undefined && speed !== DEFAULT_DECAY.speed ? { speed } : {}),
    },
  };
}
