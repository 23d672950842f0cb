/**
 * The documents dropped for extraction, in order, with each one's progress or outcome.
 * Choosing one shows its review below.
 */
import { Badge, Button, Card, CloseButton, Group, Progress, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { useExtractionStore, type ExtractionJob, type JobStatus } from './extractionStore.ts';
import { ReviewPanel } from './ReviewPanel.tsx';

const statusColour: Record<JobStatus, string> = {
  queued: 'gray',
  reading: 'blue',
  review: 'indigo',
  committing: 'blue',
  committed: 'green',
  failed: 'red',
};

function JobRow({ job, active }: { job: ExtractionJob; active: boolean }) {
  const { t } = useTranslation();
  const { activate, remove } = useExtractionStore();
  const busy = job.status === 'reading' || job.status === 'committing';
  return (
    <Group gap="sm" wrap="nowrap" data-testid="extraction-job" data-status={job.status} style={{ borderRadius: 6, padding: '4px 8px', background: active ? 'var(--mantine-color-default-hover)' : undefined }}>
      <UnstyledButton onClick={() => activate(job.id)} aria-current={active} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {job.file.name}
        </Text>
        {job.status === 'reading' && (
          <Progress
            size="sm"
            mt={4}
            animated
            value={job.pagesTotal > 0 ? (job.pagesDone / job.pagesTotal) * 100 : 5}
            aria-label={t('extraction.readingPages', { done: job.pagesDone, total: job.pagesTotal })}
          />
        )}
        {job.status === 'reading' && job.pagesTotal > 0 && (
          <Text size="xs" c="dimmed">
            {t('extraction.readingPages', { done: job.pagesDone, total: job.pagesTotal })}
          </Text>
        )}
        {job.status === 'failed' && (
          <div role="alert" data-testid="extraction-error">
            {job.errorCode && (
              <Text size="xs" c="red">
                {t(`extraction.errors.${job.errorCode}`)}
              </Text>
            )}
            <Text size="xs" c={job.errorCode ? 'dimmed' : 'red'}>
              {job.error}
            </Text>
          </div>
        )}
      </UnstyledButton>
      <Badge color={statusColour[job.status]} variant="light">
        {t(`extraction.status.${job.status}`)}
      </Badge>
      {!busy && <CloseButton size="sm" aria-label={t('extraction.remove', { name: job.file.name })} onClick={() => remove(job.id)} />}
    </Group>
  );
}

export function ExtractionQueue() {
  const { t } = useTranslation();
  const { jobs, activeId } = useExtractionStore();
  const active = jobs.find((job) => job.id === activeId);
  const reviewed = active && (active.status === 'review' || active.status === 'committing' || active.status === 'committed') ? active : undefined;
  // A new review is a large render: it mounts in a background render React can interrupt,
  // not in the task that delivered the document (issue 16, point 3). Later changes (ticks,
  // typing) reach it directly.
  const mounted = useDeferredValue(reviewed?.id);
  if (jobs.length === 0) return null;
  const waiting = jobs.filter((job) => job.status === 'queued').length;
  return (
    <Stack gap="lg">
      <Card withBorder radius="lg" padding="lg" data-testid="extraction-queue">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            {t('extraction.queueTitle')}
          </Title>
          {waiting > 0 && (
            <Text size="sm" c="dimmed">
              {t('extraction.waiting', { count: waiting })}
            </Text>
          )}
        </Group>
        <Stack gap={4}>
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} active={job.id === activeId} />
          ))}
        </Stack>
        {jobs.some((job) => job.status === 'committed') && (
          <Group mt="xs">
            <Button size="xs" variant="subtle" onClick={() => jobs.filter((job) => job.status === 'committed').forEach((job) => useExtractionStore.getState().remove(job.id))}>
              {t('extraction.clearDone')}
            </Button>
          </Group>
        )}
      </Card>
      {reviewed && mounted === reviewed.id && <ReviewPanel job={reviewed} />}
    </Stack>
  );
}
