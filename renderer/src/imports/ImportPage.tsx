/**
 * Import: choose or drop files. Reports (PDF, text, HTML, CSV, e-mail) go to indicator
 * extraction and its review; a STIX bundle or MISP event is previewed, imported with
 * progress, and its result shown (with every quarantined object and why). Imports can be
 * undone from the history.
 */
import { Alert, Badge, Button, Card, FileButton, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCheck, IconFileUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { undoImport } from '../connectors/undoImport.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { TypeIcon, useTypeName } from '../knowledge/TypeLabel.tsx';
import { PageHeader } from '../pages/PageHeader.tsx';
import { ExtractionQueue } from '../extraction/ExtractionQueue.tsx';
import { useImportStore } from './importStore.ts';
import { useRefusalStore } from './refusalStore.ts';
import { takeFiles } from './takeFiles.ts';

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

/** Why an object was refused: each broken rule at its place in the object. */
function Reasons({ reasons }: { reasons: readonly { path: string; rule: string; message: string }[] }) {
  return reasons.map((reason) => (
    <Text key={reason.path + reason.rule} size="sm" c="red">
      {reason.path}: {reason.message}
    </Text>
  ));
}

function DropArea() {
  const { t } = useTranslation();
  const { refused, show, dismiss } = useRefusalStore();
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
              {refusal.name}: {refusal.reason}
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
      {result.warnings > 0 && (
        <Text size="sm" c="dimmed">
          {t('imports.warnings', { count: result.warnings })}
        </Text>
      )}
      {result.rejections.length > 0 && (
        <Table mt="md" data-testid="rejections">
          <Table.Tbody>
            {result.rejections.map((rejection) => (
              <Table.Tr key={rejection.path}>
                <Table.Td w={120}>
                  <Text size="xs" ff="monospace">
                    {rejection.path}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {rejection.objectId || '—'}
                  </Text>
                  <Reasons reasons={rejection.reasons} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Quarantine() {
  const { t } = useTranslation();
  const entries = useKbQuery(() => knowledgeBase().listQuarantine({ limit: 200 }), []);
  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={3} size="h5">
        {t('imports.quarantineTitle')} ({entries.data?.total ?? 0})
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('imports.quarantineBody')}
      </Text>
      {entries.data && entries.data.total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('imports.quarantineEmpty')}
        </Text>
      ) : (
        <Table data-testid="quarantine">
          <Table.Tbody>
            {entries.data?.rows.map((entry) => (
              <Table.Tr key={entry.key}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {entry.objectId || entry.path}
                  </Text>
                  <Reasons reasons={entry.reasons} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function History() {
  const { t, i18n } = useTranslation();
  const sources = useKbQuery(() => knowledgeBase().listSources({}), []);
  const [message, setMessage] = useState<string | null>(null);
  const undo = async (id: string, name: string) => {
    if (!window.confirm(t('imports.undoConfirm', { name }))) return;
    const result = await undoImport(id);
    setMessage(t(result.connectorReset ? 'imports.undoneConnector' : 'imports.undone', { deleted: result.deleted, kept: result.kept, name }));
    notifyKnowledgeChanged();
  };
  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={3} size="h5" mb="sm">
        {t('imports.history')}
      </Title>
      {message && (
        <Alert color="blue" mb="sm" withCloseButton onClose={() => setMessage(null)}>
          {message}
        </Alert>
      )}
      {sources.data?.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('imports.historyEmpty')}
        </Text>
      ) : (
        <Table data-testid="import-history">
          <Table.Tbody>
            {sources.data?.map((source) => (
              <Table.Tr key={source.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {source.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {new Date(source.lastImportedAt).toLocaleString(i18n.language)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={source.status === 'failed' ? 'red' : source.status === 'running' ? 'blue' : 'green'} variant="light">
                    {t(`imports.status.${source.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {source.committedObjects.toLocaleString(i18n.language)} · +{source.counts.created} ↻{source.counts.updated} ⚠{source.counts.rejected}
                  </Text>
                  {source.error && (
                    <Text size="xs" c="red">
                      {source.error}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td align="right">
                  <Button size="xs" variant="subtle" color="red" leftSection={<IconArrowBackUp size={14} />} onClick={() => void undo(source.id, source.name)}>
                    {t('imports.undo')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
        <History />
      </Stack>
    </>
  );
}
