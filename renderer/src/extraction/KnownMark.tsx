/**
 * A value's place in the knowledge base (issue 16, point 6): a "known"/"new" badge on its
 * row, and in the context pane the reports and feeds that hold it by name, first and last
 * seen, its TLP and whether an indicator exists.
 */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KnownValue } from '../kb/queries/knownValues.ts';
import { RowBadge } from './RowBadge.tsx';
import { RowTooltip } from './RowTooltip.tsx';

export function KnownBadge({ known }: { known: KnownValue | undefined }) {
  const { t } = useTranslation();
  if (!known) {
    return (
      <RowBadge variant="outline" color="gray" data-known="checking">
        {t('extractionReview.checking')}
      </RowBadge>
    );
  }
  const label = known.known ? t('extractionReview.knownTitle') : t('extractionReview.newTitle');
  return (
    <RowTooltip label={label} withArrow>
      <RowBadge variant={known.known ? 'light' : 'filled'} color={known.known ? 'gray' : 'teal'} tabIndex={0} aria-label={label} data-known={known.known ? 'known' : 'new'}>
        {known.known ? t('extractionReview.known') : t('extractionReview.new')}
      </RowBadge>
    </RowTooltip>
  );
}

export function KnownDetails({ known }: { known: KnownValue | undefined }) {
  const { t } = useTranslation();
  if (!known) return null;
  if (!known.known) {
    return (
      <Text size="sm" c="teal.7" data-testid="known-details" data-known="new">
        {t('extractionReview.newTitle')}
      </Text>
    );
  }
  const names = known.reports.map((report) => report.name).join(', ') + (known.reportCount > known.reports.length ? ', …' : '');
  return (
    <Stack gap={2} data-testid="known-details" data-known="known">
      <Text size="sm" fw={500}>
        {t('extractionReview.knownTitle')}
      </Text>
      <Text size="sm" data-testid="known-reports">
        {known.reportCount > 0 ? t('extractionReview.inReports', { count: known.reportCount, names }) : t('extractionReview.noReports')}
      </Text>
      {known.sources.length > 0 && (
        <Text size="sm" data-testid="known-sources">
          {t('extractionReview.fromSources', { names: known.sources.map((source) => source.name).join(', ') })}
        </Text>
      )}
      {known.firstSeen && known.lastSeen && <Text size="sm">{t('extractionReview.seen', { first: known.firstSeen, last: known.lastSeen })}</Text>}
      <Text size="sm">{known.tlp ? t('extractionReview.tlp', { level: known.tlp.toUpperCase() }) : t('extractionReview.noTlp')}</Text>
      <Text size="sm">{known.indicator ? t('extractionReview.hasIndicator') : t('extractionReview.noIndicator')}</Text>
    </Stack>
  );
}
