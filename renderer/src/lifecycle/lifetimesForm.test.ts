import { describe, expect, it } from 'vitest';
import { DecayOverrides, DEFAULT_DECAY, decaySettings } from '../../../core/lifecycle/decay.ts';
import { fieldsOf, parseFields } from './lifetimesForm.ts';

describe('the Indicator lifetimes form', () => {
  it('keeps only what differs from the defaults, in the shape the knowledge base stores', () => {
    const parsed = parseFields({ ...fieldsOf(DEFAULT_DECAY), 'ipv4-addr': 7, url: '45', revokeScore: 30 });
    expect(parsed).toEqual({ ok: true, overrides: { lifetimeDays: { 'ipv4-addr': 7, url: 45 }, revokeScore: 30 } });
    if (parsed.ok) expect(DecayOverrides.safeParse(parsed.overrides).success).toBe(true);
  });

  it('saves nothing over the defaults when nothing was changed', () => {
    expect(parseFields(fieldsOf(DEFAULT_DECAY))).toEqual({ ok: true, overrides: {} });
  });

  it('shows the saved settings back', () => {
    expect(fieldsOf(decaySettings({ lifetimeDays: { file: 700 }, speed: 1 }))).toMatchObject({ file: 700, 'ipv4-addr': 30, speed: 1, revokeScore: 20 });
  });

  it('marks each field out of range, not whole or empty, and saves none of it', () => {
    const parsed = parseFields({ ...fieldsOf(DEFAULT_DECAY), 'ipv4-addr': 0, 'domain-name': 12.5, file: '', other: 4000, revokeScore: 101, speed: 0 });
    expect(parsed).toEqual({ ok: false, errors: { 'ipv4-addr': 'lifetime', 'domain-name': 'lifetime', file: 'lifetime', other: 'lifetime', revokeScore: 'revokeScore', speed: 'speed' } });
  });

  it('takes the edges of each range', () => {
    expect(parseFields({ ...fieldsOf(DEFAULT_DECAY), 'ipv4-addr': 1, file: 3650, revokeScore: 0, speed: 10 }).ok).toBe(true);
    expect(parseFields({ ...fieldsOf(DEFAULT_DECAY), speed: '0.1' }).ok).toBe(true);
  });
});
