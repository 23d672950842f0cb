/**
 * "Score over time" on an indicator's Overview (issue 21, point 2): the chart of its score
 * from its versions, its score now, validity and revoke score, and the sentence that says
 * it, all from the analyst's current decay settings, the ones the expiry pass uses.
 */
import { Alert, Card, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { decaySettings, decayTypeOf, lifetimeDaysOf } from '../../../core/lifecycle/decay.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { knowledgeBase } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { ScoreChart } from './ScoreChart.tsx';
import { scoreStory } from './scoreStory.ts';
import { dayFormatter, scoreSummary } from './scoreSummary.ts';

async function loadStory(id: string) {
  const [{ versions }, { overrides }] = await Promise.all([knowledgeBase().listVersions({ id }), knowledgeBase().getDecaySettings({})]);
  const settings = decaySettings(overrides);
  // The history lists newest first; the story reads oldest first.
  return { story: scoreStory([...versions].reverse(), new Date(), settings), settings };
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

export function IndicatorScore({ id, stix }: { id: string; stix: JsonObject }) {
  const { t, i18n } = useTranslation();
  const loaded = useKbQuery(() => loadStory(id), [id]);
  const date = dayFormatter(i18n.language);
  const title = (
    <Title order={3} size="h5" mb="xs">
      {t('lifecycle.score.title')}
    </Title>
  );
  if (loaded.error) return <Alert color="red">{t('kb.error', { message: loaded.error.message })}</Alert>;
  if (!loaded.data) {
    return (
      <div>
        {title}
        <Loader size="xs" aria-label={t('lifecycle.score.loading')} />
      </div>
    );
  }
  const { story, settings } = loaded.data;
  if (!story || story.points.length === 0 || story.state === 'timeless') {
    const base = story?.base ?? 0;
    return (
      <div data-testid="indicator-score">
        {title}
        <Text size="sm" c="dimmed" data-testid="score-empty">
          {story?.state === 'timeless' || !story ? t('lifecycle.score.noScore', { base }) : t('lifecycle.score.noVersions')}
        </Text>
      </div>
    );
  }
  const summary = scoreSummary(story, t, i18n.language, date);
  return (
    <Card withBorder radius="md" padding="md" data-testid="indicator-score" data-state={story.state}>
      {title}
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
          <Fact label={t('lifecycle.score.facts.score')} value={`${story.score} / ${story.base}`} testId="score-current" />
          <Fact label={t('lifecycle.score.facts.validFrom')} value={story.validFrom !== undefined ? date(story.validFrom) : '—'} testId="score-valid-from" />
          <Fact label={t('lifecycle.score.facts.validUntil')} value={story.validUntil !== undefined ? date(story.validUntil) : '—'} testId="score-valid-until" />
          <Fact label={t('lifecycle.score.facts.revokeScore')} value={String(story.revokeScore)} testId="score-revoke" />
          <Fact label={t('lifecycle.score.facts.resets')} value={String(story.resets.length)} testId="score-reset-count" />
        </SimpleGrid>
        <ScoreChart story={story} summary={summary} date={date} />
        <Text size="sm" data-testid="score-summary">
          {summary}
        </Text>
        {story.assumedBase && (
          <Text size="xs" c="dimmed">
            {t('lifecycle.score.assumedBase', { base: story.base })}
          </Text>
        )}
        {story.assumedUntil && (
          <Text size="xs" c="dimmed">
            {t('lifecycle.score.assumedUntil', { days: lifetimeDaysOf(decayTypeOf(stix), settings) })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('lifecycle.score.settings')}
        </Text>
      </Stack>
    </Card>
  );
}
