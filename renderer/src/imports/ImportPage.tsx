/**
 * Import: choose or drop files. Reports (PDF, text, HTML, CSV, e-mail) go to indicator
 * extraction and its review; a STIX bundle or MISP event is previewed, imported with
 * progress, and its result shown (with every quarantined object and why). Imports can be
 * undone from the history.
 */
import { Alert, Badge, Button, Card, FileButton, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFileUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { TypeIcon, useTypeName } from '../knowledge/TypeLabel.tsx';
import { PageHeader } from '../pages/PageHeader.tsx';
import { ExtractionQueue } from '../extraction/ExtractionQueue.tsx';
import { ImportHistory, IssueOpeners } from './ImportHistory.tsx';
import { QuarantinePanel } from './ImportIssues.tsx';
import { useImportStore } from './importStore.ts';
import { useImportSummary } from './useImportSummary.ts';
import { useRefusalStore } from './refusalStore.ts';
import { takeFiles } from './takeFiles.ts';
import { useRefusalText } from './useImportSummary.ts';

function formatSize(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString(language, { maximumFractionDigits: 1 })} ${units[unit] ?? 'B'}`;
}

const ACCEPTED = '.pdf,.txt,.text,.log,.md,.markdown,.html,.htm,.csv,.tsv,.eml,.json,application/pdf,application/json,text/*,message/rfc822';

function DropArea() {
  const { t } = useTranslation();
  const { refused, show, dismiss } = useRefusalStore();
  const refusalText = useRefusalText();
  const [over, setOver] = useState(false);
  const take = (files: readonly File[]) => {
    if (files.length === 0) return;
    dismiss();
    void takeFiles(files).then(show);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setOver(false);
    take([...event.dataTransfer.files]);
  };
  return (
    <Stack gap="sm">
      <Card
        withBorder
        radius="lg"
        padding="xl"
        data-testid="drop-area"
        onDragOver={(event: DragEvent) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: over ? 'var(--mantine-color-indigo-5)' : undefined }}
      >
        <Group wrap="nowrap" gap="lg">
          <IconFileUpload size={48} stroke={1.3} color="var(--mantine-color-indigo-5)" />
          <div style={{ flex: 1 }}>
            <Title order={3} size="h4">
              {t('imports.dropTitle')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('imports.dropBody')}
            </Text>
          </div>
          <FileButton onChange={take} accept={ACCEPTED} multiple>
            {(props) => (
              <Button {...props} variant="default" data-testid="choose-file">
                {t('imports.choose')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Card>
      {refused.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} role="alert" withCloseButton onClose={dismiss} title={t('imports.refusedTitle')} data-testid="refused-files">
          {refused.map((refusal) => (
            <Text key={refusal.name} size="sm">
              {refusal.name}: {refusalText(refusal)}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}

function CurrentImport() {
  const { t, i18n } = useTranslation();
  const typeName = useTypeName();
  const summary = useImportSummary();
  const { phase, file, preview, progress, result, error, start, reset } = useImportStore();
  if (phase === 'idle' || !file) return null;
  if (phase === 'failed') {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" withCloseButton onClose={reset} data-testid="import-failed">
        {t('imports.failed', { message: error ?? '' })}
      </Alert>
    );
  }
  if (phase === 'previewing' || phase === 'preview') {
    return (
      <Card withBorder radius="lg" padding="lg" data-testid="import-preview">
        <Title order={3} size="h5">
          {t('imports.preview', { name: file.name })}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('imports.previewBody', { size: formatSize(file.size, i18n.language) })}
        </Text>
        {preview && (
          <Group gap="xs" mb="md">
            {Object.entries(preview.byType)
              .sort((a, b) => b[1] - a[1])
              .map(([type, count]) => (
                <Badge key={type} variant="light" color="gray" leftSection={<TypeIcon type={type} size={16} />}>
                  {typeName(type)} · {count.toLocaleString(i18n.language)}
                </Badge>
              ))}
          </Group>
        )}
        {preview && preview.invalid > 0 && (
          <Text size="sm" c="orange" mb="sm">
            {preview.invalid} {t('imports.rejected')}
          </Text>
        )}
        <Group>
          <Button onClick={start} disabled={!preview} loading={phase === 'previewing'} data-testid="start-import">
            {t('imports.start')}
          </Button>
          <Button variant="default" onClick={reset}>
            {t('imports.cancel')}
          </Button>
        </Group>
      </Card>
    );
  }
  if (phase === 'importing') {
    const total = preview?.objects ?? 0;
    const done = progress?.processed ?? 0;
    return (
      <Card withBorder radius="lg" padding="lg" data-testid="import-progress">
        <Text fw={600} mb="xs">
          {t('imports.importing', { name: file.name })}
        </Text>
        <Progress value={total > 0 ? (done / total) * 100 : 0} animated aria-label={t('imports.importing', { name: file.name })} />
        <Text size="sm" c="dimmed" mt="xs">
          {t('imports.progress', { processed: done.toLocaleString(i18n.language), committed: (progress?.committed ?? 0).toLocaleString(i18n.language) })}
        </Text>
      </Card>
    );
  }
  if (!result) return null;
  return (
    <Card withBorder radius="lg" padding="lg" data-testid="import-result">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconCheck color="var(--mantine-color-green-6)" />
          <Title order={3} size="h5">
            {t('imports.doneTitle', { name: file.name })}
          </Title>
        </Group>
        <Button variant="default" size="xs" onClick={reset}>
          {t('imports.choose')}
        </Button>
      </Group>
      <Group gap="lg" mb="sm">
        {(['created', 'updated', 'unchanged', 'rejected'] as const).map((key) => (
          <div key={key} data-testid={`result-${key}`}>
            <Text size="xl" fw={700}>
              {result.counts[key].toLocaleString(i18n.language)}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`imports.${key}`)}
            </Text>
          </div>
        ))}
      </Group>
      {result.specVersion === '2.0' && <Text size="sm">{t('imports.upgraded')}</Text>}
      <Text size="sm" data-testid="result-summary">
        {summary({ objects: result.counts.created + result.counts.updated + result.counts.unchanged, counts: result.counts, warnings: result.warnings })}
      </Text>
      <IssueOpeners sourceId={result.sourceId} name={file.name} warnings={result.warnings} quarantined={0} />
      {result.counts.rejected > 0 && (
        <div data-testid="rejections">
          <QuarantinePanel sourceId={result.sourceId} title={t('importResults.quarantinedTitle', { name: file.name })} testId="rejections-table" />
        </div>
      )}
    </Card>
  );
}

function Quarantine() {
  const { t, i18n } = useTranslation();
  const total = useKbQuery(() => knowledgeBase().listQuarantine({ limit: 1 }), []).data?.total ?? 0;
  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={3} size="h5">
        {t('imports.quarantineTitle')} ({total.toLocaleString(i18n.language)})
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('imports.quarantineBody')}
      </Text>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('imports.quarantineEmpty')}
        </Text>
      ) : (
        <QuarantinePanel />
      )}
    </Card>
  );
}

export function ImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.import.title')} description={t('pages.import.description')} />
      <Stack maw={960} gap="lg">
        <DropArea />
        <ExtractionQueue />
        <CurrentImport />
        <Quarantine />
        <ImportHistory />
      </Stack>
    </>
  );
}
