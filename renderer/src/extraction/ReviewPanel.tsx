/**
 * The review of one document: the report's name, date, author and TLP (prefilled from
 * the document), the indicators by type with their flags, the context of the one in
 * focus, and the commit. Nothing enters the knowledge base before the analyst commits.
 */
import { Alert, Button, Card, Grid, Group, SegmentedControl, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtractedIndicator } from '../../../core/extract/types.ts';
import { TLP_ORDER } from '../../../core/stix/markings.ts';
import { useRouteStore } from '../stores/routeStore.ts';
import { useSelectionStore } from '../stores/selectionStore.ts';
import { ContextView } from './ContextView.tsx';
import { useExtractionStore, type ExtractionJob } from './extractionStore.ts';
import { IndicatorList } from './IndicatorList.tsx';
import { KnownEntityGroup } from './KnownEntityGroup.tsx';
import { KnownDetails } from './KnownMark.tsx';
import { groupByType, indicatorKey } from './selection.ts';
import { useKnownValues } from './useKnownValues.ts';

function CommitDone({ job }: { job: ExtractionJob }) {
  const { t } = useTranslation();
  const openDetail = useSelectionStore((state) => state.openDetail);
  const navigate = useRouteStore((state) => state.navigate);
  if (!job.commit) return null;
  const { counts } = job.commit;
  const unticked = (job.extraction?.indicators.length ?? 0) - job.selected.size;
  return (
    <Alert color="green" icon={<IconCheck size={18} />} data-testid="commit-result" title={t('extraction.committed', { name: job.draft.name })}>
      <Text size="sm">
        {t('extraction.committedBody', {
          observables: t('extraction.committedObservables', { count: counts.observables }),
          indicators: t('extraction.committedIndicators', { count: counts.indicators }),
          relationships: t('extraction.committedRelationships', { count: counts.relationships }),
          linked: counts.linked,
        })}
      </Text>
      {job.commit.entities > 0 && (
        <Text size="sm" mt={4} data-testid="commit-entities">
          {t('extraction.committedEntities', { count: job.commit.entities })}
        </Text>
      )}
      {job.commit.placeholders.length > 0 && (
        <Text size="sm" mt={4} data-testid="commit-placeholders">
          {t('extraction.placeholders', { count: job.commit.placeholders.length, ids: job.commit.placeholders.map((entry) => entry.value).join(', ') })}
        </Text>
      )}
      {job.commit.skipped.length > 0 && (
        <div data-testid="commit-skipped">
          <Text size="sm" mt={4}>
            {t('extractionReview.notSaved')}
          </Text>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {job.commit.skipped.map((entry) => (
              <li key={entry.value}>
                <Text size="sm" span>
                  {entry.reason}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {unticked > 0 && (
        <Text size="sm" mt={4} data-testid="commit-unticked">
          {t('extractionReview.untickedCount', { count: unticked })}
        </Text>
      )}
      <Group mt="xs">
        <Button
          size="xs"
          variant="light"
          data-testid="open-report"
          onClick={() => {
            navigate('reports');
            openDetail(job.commit?.reportId ?? '');
          }}
        >
          {t('extraction.openReport')}
        </Button>
      </Group>
    </Alert>
  );
}

export function ReviewPanel({ job }: { job: ExtractionJob }) {
  const { t } = useTranslation();
  const { toggle, setMany, toggleEntity, setManyEntities, editDraft, setTlp, commit } = useExtractionStore();
  const [focused, setFocused] = useState<ExtractedIndicator | null>(null);
  const [newOnly, setNewOnly] = useState(false);
  const knownQuery = useKnownValues(job.id, job.extraction?.indicators);
  const known = knownQuery.data;
  const groups = useMemo(() => groupByType(job.extraction?.indicators ?? []), [job.extraction]);
  const total = job.extraction?.indicators.length ?? 0;
  const locked = job.status !== 'review';
  if (!job.extraction || !job.document || job.documentId === null) return null;
  return (
    // overflow visible: the action bar sticks to the window's bottom edge, not the card's.
    <Card withBorder radius="lg" padding="lg" data-testid="extraction-review" style={{ overflow: 'visible' }}>
      <Stack gap="md">
        <div>
          <Title order={3} size="h5">
            {t('extraction.reviewTitle', { name: job.file.name })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('extraction.reviewBody', { pagesRead: t('extraction.pagesRead', { count: job.document.pageCount }), count: total })}
          </Text>
        </div>
        {job.status === 'committed' && <CommitDone job={job} />}
        {job.error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="commit-failed">
            {t('extraction.commitFailed', { message: job.error })}
          </Alert>
        )}
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput label={t('extraction.reportName')} value={job.draft.name} disabled={locked} onChange={(event) => editDraft(job.id, { name: event.currentTarget.value })} data-testid="report-name" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput type="date" label={t('extraction.published')} value={job.draft.published} disabled={locked} onChange={(event) => editDraft(job.id, { published: event.currentTarget.value })} data-testid="report-date" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput label={t('extraction.author')} value={job.draft.author} disabled={locked} onChange={(event) => editDraft(job.id, { author: event.currentTarget.value })} data-testid="report-author" />
          </Grid.Col>
        </Grid>
        <div>
          <Text size="sm" fw={500} mb={4} id="extraction-tlp">
            {t('extraction.tlp')}
          </Text>
          <SegmentedControl
            aria-labelledby="extraction-tlp"
            value={job.tlp}
            disabled={locked}
            onChange={(value) => setTlp(job.id, value)}
            data={TLP_ORDER.map((level) => ({ value: level, label: `TLP:${level.toUpperCase()}` }))}
            data-testid="report-tlp"
          />
        </div>
        <KnownEntityGroup entities={job.entities} selected={job.selectedEntities} locked={locked} onToggle={(id) => toggleEntity(job.id, id)} onSetMany={(ids, selected) => setManyEntities(job.id, ids, selected)} />
        {total === 0 ? (
          <Text c="dimmed" data-testid="no-indicators">
            {t('extraction.none')}
          </Text>
        ) : (
          <Grid>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap="md">
                <Group gap="xs">
                  <Switch checked={newOnly} onChange={(event) => setNewOnly(event.currentTarget.checked)} label={t('extractionReview.newOnly')} description={t('extractionReview.newOnlyHelp')} data-testid="new-only" />
                </Group>
                {knownQuery.error && (
                  <Text size="sm" c="red" role="alert">
                    {t('extractionReview.lookupFailed', { message: knownQuery.error.message })}
                  </Text>
                )}
                <IndicatorList
                  groups={groups}
                  selected={job.selected}
                  focused={focused ? indicatorKey(focused) : null}
                  onToggle={(key) => !locked && toggle(job.id, key)}
                  onSetMany={(keys, selected) => !locked && setMany(job.id, keys, selected)}
                  onFocus={setFocused}
                  known={known}
                  newOnly={newOnly}
                />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <div style={{ position: 'sticky', top: 70 }}>
                {focused ? (
                  <Stack gap="xs">
                    <KnownDetails known={known?.get(indicatorKey(focused))} />
                    <ContextView key={indicatorKey(focused)} indicator={focused} documentId={job.documentId} />
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('extraction.pickOne')}
                  </Text>
                )}
              </div>
            </Grid.Col>
          </Grid>
        )}
        {/* Sticky, so saving a 500-row review needs no scroll to its end (issue 16, point 5). */}
        <Group
          justify="space-between"
          data-testid="review-actions"
          style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-default-border)', padding: '8px 0' }}
        >
          <Text size="sm" data-testid="selected-count">
            {t('extraction.selectedCount', { selected: job.selected.size, total })}
          </Text>
          {job.status !== 'committed' && (
            <Button onClick={() => commit(job.id)} loading={job.status === 'committing'} disabled={(locked && job.status !== 'committing') || job.selected.size + job.selectedEntities.size === 0} data-testid="commit-extraction">
              {t('extraction.commit', { count: job.selected.size })}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
