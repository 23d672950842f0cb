/**
 * The plain sentence under the score chart and in its accessible name: "Score 62 of 80; it
 * decays to the revoke score 20 on Mar 1, 2027, and its validity ends on … Reset twice
 * (2 by sightings or feeds bringing it again)."
 */
import type { TFunction } from 'i18next';
import { lifecycleSource } from '../kb/lifecycle/lifecycleSource.ts';
import { resetsBySource, type ScoreStory } from './scoreStory.ts';

export type DateText = (ms: number) => string;

/** A date as the interface language writes it, without a time: lifetimes count in days. */
export function dayFormatter(language: string): DateText {
  const format = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric' });
  return (ms) => format.format(new Date(ms));
}

function stateSentence(story: ScoreStory, t: TFunction, date: DateText): string {
  const values = { score: story.score, base: story.base, revoke: story.revokeScore, until: story.validUntil !== undefined ? date(story.validUntil) : '—' };
  switch (story.state) {
    case 'revoked':
      return story.revokedAt !== undefined ? t('lifecycle.score.revoked', { date: date(story.revokedAt) }) : t('lifecycle.score.revokedUndated');
    case 'timeless':
      return t('lifecycle.score.noScore', values);
    case 'expired':
      return t('lifecycle.score.expired', values);
    case 'under':
      return story.revokeAt !== undefined ? t('lifecycle.score.under', { ...values, revokeDate: date(story.revokeAt) }) : t('lifecycle.score.liveUnder', values);
    case 'live':
      return story.revokeAt !== undefined ? t('lifecycle.score.live', { ...values, revokeDate: date(story.revokeAt) }) : t('lifecycle.score.liveUnder', values);
  }
}

/** Who reset it, "2 by sightings or feeds bringing it again, by CIRCL OSINT", joined as the language joins lists. */
export function resetSources(story: Pick<ScoreStory, 'resets'>, t: TFunction, language: string): string {
  const parts = resetsBySource(story.resets).map(({ source, count }) =>
    source.id === lifecycleSource.id ? t('lifecycle.score.byLifecycle', { count }) : t('lifecycle.score.bySource', { count, name: source.name }),
  );
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(parts);
}

export function scoreSummary(story: ScoreStory, t: TFunction, language: string, date: DateText = dayFormatter(language)): string {
  const resets = story.resets.length === 0 ? t('lifecycle.score.neverReset') : t('lifecycle.score.resets', { count: story.resets.length, sources: resetSources(story, t, language) });
  // Japanese runs sentences on without a space.
  return [stateSentence(story, t, date), resets].join(language.startsWith('ja') ? '' : ' ');
}
