import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECAY, decaySettings } from '../../../core/lifecycle/decay.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { en } from '../i18n/en.ts';
import { ja } from '../i18n/ja.ts';
import { lifecycleSource } from '../kb/lifecycle/lifecycleSource.ts';
import { chartGeometry } from './scoreChart.ts';
import { scoreStory, type StoryVersion } from './scoreStory.ts';
import { scoreSummary } from './scoreSummary.ts';

const feed = { id: 'connector:circl', name: 'CIRCL OSINT', kind: 'connector' };
const file = { id: 'file:report', name: 'report.json', kind: 'file' };
const lifecycle = { id: lifecycleSource.id, name: lifecycleSource.name, kind: 'manual' };

function indicator(modified: string, validUntil: string | undefined, extra: JsonObject = {}): JsonObject {
  return {
    type: 'indicator', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', pattern: "[ipv4-addr:value = '203.0.113.7']", pattern_type: 'stix',
    valid_from: '2026-01-01T00:00:00.000Z', created: '2026-01-01T00:00:00.000Z', modified, x_opencti_score: 80,
    ...(validUntil ? { valid_until: validUntil } : {}), ...extra,
  };
}

/** Made from a file, reset by a sighting on 20 January and by a feed's re-pull on 10 February. */
const history: StoryVersion[] = [
  { stix: indicator('2026-01-01T00:00:00.000Z', '2026-01-31T00:00:00.000Z'), source: file },
  { stix: indicator('2026-01-20T00:00:00.000Z', '2026-02-19T00:00:00.000Z'), source: lifecycle },
  { stix: indicator('2026-02-10T00:00:00.000Z', '2026-03-12T00:00:00.000Z'), source: feed },
];
const now = new Date('2026-02-25T00:00:00.000Z');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function translator(language: 'en' | 'ja') {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng: language, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('an indicator’s score story', () => {
  it('scores 60 of 80 halfway through a 30-day IPv4 lifetime and finds both resets with who made them', () => {
    const story = scoreStory(history, now, DEFAULT_DECAY);
    expect(story?.state).toBe('live');
    expect(story?.score).toBe(60);
    expect(story?.base).toBe(80);
    expect(story?.resets.map((reset) => [isoDay(reset.at), reset.source.name, Math.round(reset.score)])).toEqual([
      ['2026-01-20', 'Indicator lifecycle', 80],
      ['2026-02-10', 'CIRCL OSINT', 80],
    ]);
    // 80 × (1 − (d/30)²) = 20 at d = 30 × √0.75 ≈ 26 days after the 10 February restart.
    expect(isoDay(story?.revokeAt ?? 0)).toBe('2026-03-07');
    // The chart runs on to the end of validity, so the forecast shows.
    expect(isoDay(story?.points.at(-1)?.at ?? 0)).toBe('2026-03-12');
  });

  it('says it in one sentence, in English and Japanese', async () => {
    const story = scoreStory(history, now, DEFAULT_DECAY);
    if (!story) throw new Error('no story');
    expect(scoreSummary(story, await translator('en'), 'en', isoDay)).toBe(
      'Score 60 of 80; it decays to the revoke score 20 on 2026-03-07, and its validity ends on 2026-03-12. Reset 2 times (once by a sighting or a feed bringing it again and once by CIRCL OSINT).',
    );
    expect(scoreSummary(story, await translator('ja'), 'ja', isoDay)).toBe(
      'スコアは 80 中 60。2026-03-07 に失効スコア 20 まで下がり、有効期間は 2026-03-12 に終わります。2 回リセットされました (サイティングまたはフィードの再取得で 1 回、CIRCL OSINT により 1 回)。',
    );
  });

  it('follows the analyst’s settings: a 10-day IPv4 lifetime and a revoke score of 70 put it under the line', () => {
    const story = scoreStory(history, now, decaySettings({ lifetimeDays: { 'ipv4-addr': 20 }, revokeScore: 70 }));
    // 20-day lifetime ending 12 March started 20 February: 5 days in, 80 × (1 − 0.25²) = 75.
    expect(story?.score).toBe(75);
    expect(story?.state).toBe('live');
    expect(scoreStory(history, new Date('2026-03-01T00:00:00.000Z'), decaySettings({ lifetimeDays: { 'ipv4-addr': 20 }, revokeScore: 70 }))?.state).toBe('under');
  });

  it('tells a revoked, an expired and an undated indicator apart', async () => {
    const t = await translator('en');
    const revoked = scoreStory([...history, { stix: indicator('2026-03-13T00:00:00.000Z', '2026-03-12T00:00:00.000Z', { revoked: true }), source: lifecycle }], new Date('2026-03-14T00:00:00.000Z'), DEFAULT_DECAY);
    expect(revoked?.state).toBe('revoked');
    expect(revoked && scoreSummary(revoked, t, 'en', isoDay)).toMatch(/^Revoked on 2026-03-13: it scores 0/);
    const expired = scoreStory(history, new Date('2026-03-20T00:00:00.000Z'), DEFAULT_DECAY);
    expect(expired && scoreSummary(expired, t, 'en', isoDay)).toMatch(/^Score 0 of 80: its validity ended on 2026-03-12; the next expiry pass revokes it/);
    const undated = indicator('2026-01-01T00:00:00.000Z', undefined);
    delete undated['valid_from'];
    const timeless = scoreStory([{ stix: undated, source: file }], now, DEFAULT_DECAY);
    expect(timeless?.state).toBe('timeless');
    expect(timeless && scoreSummary(timeless, t, 'en', isoDay)).toContain('no expiry pass revokes it');
  });

  it('marks what the source left out and the model assumed', () => {
    const bare = indicator('2026-02-10T00:00:00.000Z', undefined, { confidence: 80 });
    delete bare['x_opencti_score'];
    const story = scoreStory([{ stix: bare, source: file }], now, DEFAULT_DECAY);
    expect(story?.assumedBase).toBe(true);
    expect(story?.assumedUntil).toBe(true);
    // Confidence 80 weighed as an unjudged source (×0.75), valid 30 days from valid_from.
    expect(story?.base).toBe(60);
    expect(isoDay(story?.validUntil ?? 0)).toBe('2026-01-31');
  });
});

describe('the chart’s geometry', () => {
  it('puts a marker at each reset, splits history from forecast at now, and draws the revoke line at its score', () => {
    const story = scoreStory(history, now, DEFAULT_DECAY);
    if (!story) throw new Error('no story');
    const box = { width: 400, height: 120, left: 0, right: 0, top: 10, bottom: 10 };
    const geometry = chartGeometry(story, box);
    expect(geometry?.resets).toHaveLength(2);
    // A reset restarts at the base score 80: 20% down a 100-pixel plot from its top at 10.
    expect(geometry?.resets.map((reset) => reset.y)).toEqual([30, 30]);
    expect(geometry?.revokeY).toBe(90);
    expect(geometry?.current).toEqual({ x: expect.closeTo(400 * (55 / 70), 0) as number, y: 50 });
    expect(geometry?.past.startsWith('M0 30')).toBe(true);
    expect(geometry?.future.endsWith('L400 110')).toBe(true);
    expect(geometry?.nowX).toBe(geometry?.current?.x);
  });

  it('draws nothing when there is no span of time to draw', () => {
    expect(chartGeometry({ points: [], resets: [], revokeScore: 20, now: 0, score: 0 })).toBeUndefined();
  });
});
