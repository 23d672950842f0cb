/**
 * The import history: one row per import in words ("24,771 objects: 24,771 new, …"), its
 * warnings and quarantined objects openable under it (issue 15, point 7), and Undo.
 */
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconShieldX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { undoImport } from '../connectors/undoImport.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import type { SourceRecord } from '../kb/records.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { QuarantinePanel, WarningsPanel } from './ImportIssues.tsx';
import { useImportSummary } from './useImportSummary.ts';

type Opened = 'warnings' | 'quarantine' | null;

/** The buttons that open an import's warnings and quarantined objects, and the panel opened. */
export function IssueOpeners({ sourceId, name, warnings, quarantined }: { sourceId: string; name: string; warnings: number; quarantined: number }) {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState<Opened>(null);
  const toggle = (which: Exclude<Opened, null>) => setOpened((value) => (value === which ? null : which));
  if (warnings === 0 && quarantined === 0) return null;
  return (
    <Stack gap="xs" mt={4}>
      <Group gap="xs">
        {warnings > 0 && (
          <Button size="compact-xs" variant="light" color="orange" leftSection={<IconAlertTriangle size={14} />} aria-expanded={opened === 'warnings'} onClick={() => toggle('warnings')} data-testid="open-warnings">
            {opened === 'warnings' ? t('importResults.hide') : t('importResults.showWarnings', { count: warnings, formatted: warnings.toLocaleString(i18n.language) })}
          </Button>
        )}
        {quarantined > 0 && (
          <Button size="compact-xs" variant="light" color="red" leftSection={<IconShieldX size={14} />} aria-expanded={opened === 'quarantine'} onClick={() => toggle('quarantine')} data-testid="open-quarantined">
            {opened === 'quarantine' ? t('importResults.hide') : t('importResults.showQuarantined')}
          </Button>
        )}
      </Group>
      {opened === 'warnings' && <WarningsPanel sourceId={sourceId} name={name} />}
      {opened === 'quarantine' && <QuarantinePanel sourceId={sourceId} title={t('importResults.quarantinedTitle', { name })} />}
    </Stack>
  );
}

function HistoryRow({ source, onUndo }: { source: SourceRecord; onUndo: (source: SourceRecord) => void }) {
  const { t, i18n } = useTranslation();
  const summary = useImportSummary();
  return (
    <Stack gap={4} py="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }} data-testid="history-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={500} truncate>
            {source.name}
          </Text>
          <Text size="xs" c="dimmed">
            {new Date(source.lastImportedAt).toLocaleString(i18n.language)}
          </Text>
        </div>
        <Badge color={source.status === 'failed' ? 'red' : source.status === 'running' ? 'blue' : 'green'} variant="light" style={{ flexShrink: 0 }}>
          {t(`imports.status.${source.status}`)}
        </Badge>
        <Button size="xs" variant="subtle" color="red" leftSection={<IconArrowBackUp size={14} />} onClick={() => onUndo(source)} style={{ flexShrink: 0 }}>
          {t('imports.undo')}
        </Button>
      </Group>
      <Text size="sm" data-testid="history-summary">
        {summary({ objects: source.committedObjects, counts: source.counts, warnings: source.warnings })}
      </Text>
      {source.error && (
        <Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>
          {source.error}
        </Text>
      )}
      <IssueOpeners sourceId={source.id} name={source.name} warnings={source.warnings ?? 0} quarantined={source.counts.rejected} />
    </Stack>
  );
}

export function ImportHistory() {
  const { t } = useTranslation();
  const sources = useKbQuery(() => knowledgeBase().listSources({}), []);
  const [message, setMessage] = useState<string | null>(null);
  const undo = async ({ id, name }: SourceRecord) => {
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
        <Stack gap={0} data-testid="import-history">
          {sources.data?.map((source) => <HistoryRow key={source.id} source={source} onUndo={(picked) => void undo(picked)} />)}
        </Stack>
      )}
    </Card>
  );
}
