import { describe, expect, it } from 'vitest';
import { baseScore, DECAY_TYPES, DEFAULT_DECAY, decaySettings, decayTypeOf, decayedScore, DecayOverrides, fillFromModel, restartedLifetime, revokeReason, shouldRevoke, validUntilFor, type DecayType } from './decay.ts';

const DAY = 86_400_000;
const start = new Date('2025-01-01T00:00:00.000Z');
const dayOf = (days: number) => new Date(start.getTime() + days * DAY);

const PATTERNS: Record<DecayType, string> = {
  'ipv4-addr': "[ipv4-addr:value = '203.0.113.7']",
  'ipv6-addr': "[ipv6-addr:value = '2001:db8::7']",
  'domain-name': "[domain-name:value = 'evil.example']",
  url: "[url:value = 'http://evil.example/a']",
  'email-addr': "[email-addr:value = 'drop@evil.example']",
  file: "[file:hashes.'SHA-256' = '0000000000000000000000000000000000000000000000000000000000000000']",
  other: "[mutex:name = 'Global\\\\x']",
};

function indicatorOf(type: DecayType, base = 80): Record<string, unknown> {
  return fillFromModel({ type: 'indicator', id: 'indicator--1', pattern: PATTERNS[type], pattern_type: 'stix', valid_from: start.toISOString(), x_opencti_score: base }, start);
}

/** The documented curve, written out again here: base × (1 − (t/τ)^(1/δ)). */
const expected = (base: number, days: number, lifetime: number, speed = DEFAULT_DECAY.speed) => (days >= lifetime ? 0 : base * (1 - (days / lifetime) ** (1 / speed)));

describe('the decay model', () => {
  it('reads the type an indicator detects from its pattern', () => {
    for (const type of DECAY_TYPES) expect(decayTypeOf({ type: 'indicator', pattern: PATTERNS[type] })).toBe(type);
  });

  it.each(DECAY_TYPES)('scores a %s indicator on the documented curve at chosen days', (type) => {
    const lifetime = DEFAULT_DECAY.lifetimeDays[type];
    const indicator = indicatorOf(type);
    for (const days of [0, 1, 7, Math.floor(lifetime / 3), Math.floor(lifetime / 2), lifetime - 1, lifetime, lifetime + 10]) {
      expect(decayedScore(indicator, dayOf(days))).toBeCloseTo(expected(80, days, lifetime), 6);
    }
  });

  it('matches the values worked by hand in the README', () => {
    // IPv4, base 80, day 15 of 30: 80 × (1 − 0.5²) = 60.
    expect(decayedScore(indicatorOf('ipv4-addr'), dayOf(15))).toBeCloseTo(60, 9);
    // Domain, base 80, day 45 of 90: also 60; SHA-256, base 80, day 73 of 365: 80 × (1 − 0.2²) = 76.8.
    expect(decayedScore(indicatorOf('domain-name'), dayOf(45))).toBeCloseTo(60, 9);
    expect(decayedScore(indicatorOf('file'), dayOf(73))).toBeCloseTo(76.8, 9);
  });

  it('gives each type its lifetime as valid_until', () => {
    expect(validUntilFor('ipv4-addr', start)).toBe('2025-01-31T00:00:00.000Z');
    expect(validUntilFor('domain-name', start)).toBe('2025-04-01T00:00:00.000Z');
    expect(validUntilFor('file', start)).toBe('2026-01-01T00:00:00.000Z');
    expect(indicatorOf('url')['valid_until']).toBe('2025-03-02T00:00:00.000Z');
  });

  it('weighs the confidence by the source reliability for the base score', () => {
    expect(baseScore(80, 'A - Completely reliable')).toBe(80);
    expect(baseScore(80, 'B')).toBe(72);
    expect(baseScore(80, 'E - Unreliable')).toBe(20);
    expect(baseScore(undefined)).toBe(38);
  });

  it('revokes once valid_until passes or the score decays under the revoke score, not before', () => {
    const ip = indicatorOf('ipv4-addr');
    // 80 × (1 − (t/30)²) < 20 from t > 30·√0.75 ≈ 25.98 days.
    expect(shouldRevoke(ip, dayOf(25))).toBe(false);
    expect(revokeReason(ip, dayOf(26))).toBe('decayed');
    expect(revokeReason({ ...ip, x_opencti_score: 100 }, dayOf(30))).toBe('expired');
    expect(shouldRevoke({ ...ip, revoked: true }, dayOf(40))).toBe(false);
    // Starting under the revoke score is not a reason by itself.
    expect(shouldRevoke(indicatorOf('ipv4-addr', 10), dayOf(0))).toBe(false);
    expect(shouldRevoke(indicatorOf('ipv4-addr', 10), dayOf(29))).toBe(false);
    expect(revokeReason(indicatorOf('ipv4-addr', 10), dayOf(30))).toBe('expired');
  });

  it('restarts the lifetime from a new sighting, and leaves a revoked indicator revoked', () => {
    const ip = indicatorOf('ipv4-addr');
    const restarted = restartedLifetime(ip, dayOf(20));
    expect(restarted?.['valid_until']).toBe(validUntilFor('ipv4-addr', dayOf(20)));
    expect(decayedScore(restarted ?? {}, dayOf(20))).toBe(80);
    expect(restartedLifetime(ip, new Date(start.getTime() + 3_600_000))).toBeUndefined();
    expect(restartedLifetime({ ...ip, revoked: true }, dayOf(20))).toBeUndefined();
  });

  it('keeps what the source gave and fills the rest', () => {
    const given = fillFromModel({ type: 'indicator', pattern: PATTERNS.url, valid_from: start.toISOString(), valid_until: '2030-01-01T00:00:00Z', confidence: 90 }, start, { reliability: 'A' });
    expect(given).toMatchObject({ valid_until: '2030-01-01T00:00:00Z', confidence: 90, x_opencti_score: 90 });
  });

  it('takes the analyst\'s overrides and refuses nonsense', () => {
    const settings = decaySettings(DecayOverrides.parse({ lifetimeDays: { 'ipv4-addr': 7 }, revokeScore: 5 }));
    expect(settings.lifetimeDays['ipv4-addr']).toBe(7);
    expect(settings.lifetimeDays['domain-name']).toBe(90);
    expect(validUntilFor('ipv4-addr', start, settings)).toBe('2025-01-08T00:00:00.000Z');
    expect(DecayOverrides.safeParse({ lifetimeDays: { 'ipv4-addr': 0 } }).success).toBe(false);
    expect(DecayOverrides.safeParse({ revokeScore: 101 }).success).toBe(false);
  });
});
