/**
 * Connectors: every connector with its kind, status, last result, a switch, its settings,
 * run now and its run log. On first use it suggests switching on ATT&CK and CISA KEV.
 */
import { Alert, Badge, Button, Card, Group, Loader, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPlay, IconSettings, IconListDetails } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectorRunLog, ConnectorSummary } from '../../../core/ipc/channels.ts';
import { invoke } from '../ipc/client.ts';
import { PageHeader } from '../pages/PageHeader.tsx';
import { ConfigForm } from './ConfigForm.tsx';
import { SettingsCard } from './SettingsCard.tsx';
import { EnrichmentSection } from './EnrichmentSection.tsx';
import { ResetStateButton, StateResetNote } from './ResetState.tsx';
import { useConnectorStore } from './connectorStore.ts';
import { connectorText } from './connectorTextJa.ts';

const statusColour: Record<ConnectorSummary['status'], string> = { idle: 'gray', running: 'blue', failed: 'red', scheduled: 'green' };

/** Counts as the analyst's locale writes numbers (4,214 rather than 4214). */
function formatted(counts: { created: number; updated: number; rejected: number }, language: string) {
  return { created: counts.created.toLocaleString(language), updated: counts.updated.toLocaleString(language), rejected: counts.rejected.toLocaleString(language) };
}

function when(iso: string | null | undefined, language: string): string {
  return iso ? new Date(iso).toLocaleString(language) : '—';
}

function RunLog({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [runs, setRuns] = useState<ConnectorRunLog[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    invoke('connector:log', { id }).then(setRuns, (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }, [id]);
  if (error) return <Text c="red">{error}</Text>;
  if (!runs) return <Loader size="xs" />;
  if (runs.length === 0) return <Text size="sm" c="dimmed">{t('connectors.noRuns')}</Text>;
  return (
    <Stack gap="sm" data-testid={`connector-log-${id}`}>
      {runs.map((run) => (
        <div key={run.runId}>
          <Group gap="xs">
            <Badge variant="light" color={run.status === 'failed' ? 'red' : run.status === 'running' ? 'blue' : 'green'}>
              {t(`connectors.runStatus.${run.status}`)}
            </Badge>
            <Text size="sm">{when(run.startedAt, i18n.language)}</Text>
            <Text size="sm" c="dimmed">
              {run.summary}
            </Text>
          </Group>
          {run.delivered && (
            <Text size="xs" c="dimmed">
              {t('connectors.delivered', formatted(run.delivered, i18n.language))}
            </Text>
          )}
          {run.error && (
            <Text size="xs" c="red">
              {run.error}
            </Text>
          )}
          <Table fz="xs" mt={4} withRowBorders={false}>
            <Table.Tbody>
              {run.entries.map((entry, index) => (
                <Table.Tr key={`${entry.at}-${String(index)}`}>
                  <Table.Td w={90} c="dimmed">
                    {new Date(entry.at).toLocaleTimeString(i18n.language)}
                  </Table.Td>
                  <Table.Td w={50} c={entry.level === 'error' ? 'red' : entry.level === 'warn' ? 'orange' : 'dimmed'}>
                    {entry.level}
                  </Table.Td>
                  <Table.Td>{entry.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}
    </Stack>
  );
}

function ConnectorCard({ connector }: { connector: ConnectorSummary }) {
  const { t, i18n } = useTranslation();
  const replace = useConnectorStore((state) => state.replace);
  const [open, setOpen] = useState<'settings' | 'log' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };
  const statusText =
    connector.status === 'scheduled' && connector.nextRunAt ? t('connectors.nextRun', { at: when(connector.nextRunAt, i18n.language) }) : t(`connectors.status.${connector.status}`);
  return (
    <Card withBorder radius="lg" padding="lg" data-testid={`connector-${connector.id}`} data-status={connector.status}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Title order={3} size="h5">
              {connectorText(connector.name, i18n.language)}
            </Title>
            <Badge variant="outline" color="gray" size="sm">
              {t(`connectors.kinds.${connector.kind}`)}
            </Badge>
            <Badge variant="light" color={statusColour[connector.status]} size="sm" data-testid="connector-status">
              {statusText}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {connectorText(connector.description, i18n.language)}
          </Text>
          <Text size="sm" mt={4} data-testid="connector-last">
            {connector.lastRun ? t('connectors.lastRun', { at: when(connector.lastRun.startedAt, i18n.language), summary: connector.lastRun.summary }) : t('connectors.neverRun')}
          </Text>
          {connector.lastSuccess && (
            <Text size="xs" c="dimmed" data-testid="connector-delivered">
              {t('connectors.lastSuccess', { at: when(connector.lastSuccess.at, i18n.language), ...formatted(connector.lastSuccess.counts, i18n.language) })}
            </Text>
          )}
          {connector.stateReset && <StateResetNote reset={connector.stateReset} />}
          {connector.lastRun?.error && (
            <Text size="xs" c="red">
              {connector.lastRun.error}
            </Text>
          )}
          {connector.pendingBatches > 0 && (
            <Text size="xs" c="blue">
              {t('connectors.pending', { count: connector.pendingBatches })}
            </Text>
          )}
        </div>
        <Switch
          checked={connector.enabled}
          onChange={(event) => {
            const enabled = event.currentTarget.checked;
            void act(async () => replace(await invoke('connector:set-enabled', { id: connector.id, enabled })));
          }}
          aria-label={t('connectors.enable', { name: connectorText(connector.name, i18n.language) })}
          data-testid="connector-enabled"
        />
      </Group>
      {error && (
        <Text size="sm" c="red" role="alert" mt="xs">
          {error}
        </Text>
      )}
      <Group gap="xs" mt="sm">
        <Button size="xs" leftSection={<IconPlayerPlay size={14} />} loading={connector.status === 'running'} onClick={() => void act(() => invoke('connector:run-now', { id: connector.id }))} data-testid="connector-run-now">
          {t('connectors.runNow')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconSettings size={14} />} onClick={() => setOpen(open === 'settings' ? null : 'settings')} aria-expanded={open === 'settings'} data-testid="connector-settings">
          {t('connectors.settings')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconListDetails size={14} />} onClick={() => setOpen(open === 'log' ? null : 'log')} aria-expanded={open === 'log'}>
          {t('connectors.log')}
        </Button>
        <ResetStateButton connector={connector} />
      </Group>
      {open === 'settings' && (
          <SettingsCard secretsPersistent={connector.secretsPersistent}>
            <ConfigForm
              connectorId={connector.id}
              schema={connector.configSchema}
              config={connector.config}
              schedule={connector.schedule}
              onSave={async (config, schedule) => {
                replace(await invoke('connector:configure', { id: connector.id, config, schedule }));
                setOpen(null);
              }}
            />
          </SettingsCard>
      )}
      {open === 'log' && <RunLog id={connector.id} />}
    </Card>
  );
}

function FirstRun({ connectors }: { connectors: ConnectorSummary[] }) {
  const { t } = useTranslation();
  const replace = useConnectorStore((state) => state.replace);
  const suggested = connectors.filter((connector) => connector.id === 'mitre-attack' || connector.id === 'cisa-kev');
  if (connectors.some((connector) => connector.enabled || connector.lastRun) || suggested.length === 0) return null;
  return (
    <Alert color="indigo" title={t('connectors.firstRunTitle')} data-testid="connectors-first-run">
      <Text size="sm" mb="xs">
        {t('connectors.firstRunBody')}
      </Text>
      <Button
        size="xs"
        onClick={() => {
          void Promise.all(suggested.map((connector) => invoke('connector:set-enabled', { id: connector.id, enabled: true }))).then((summaries) => summaries.forEach(replace));
        }}
      >
        {t('connectors.firstRunAction')}
      </Button>
    </Alert>
  );
}

export function ConnectorsPage() {
  const { t } = useTranslation();
  const { connectors, error, drainError, load } = useConnectorStore();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <PageHeader title={t('pages.connectors.title')} description={t('pages.connectors.description')} />
      <Stack maw={960} gap="lg">
        {error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {error}
          </Alert>
        )}
        {drainError && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} role="alert" withCloseButton onClose={() => useConnectorStore.setState({ drainError: null })}>
            {t('connectors.drainFailed', { message: drainError })}
          </Alert>
        )}
        {connectors === null && !error && <Loader size="sm" />}
        {connectors && <FirstRun connectors={connectors} />}
        {connectors?.map((connector) => <ConnectorCard key={connector.id} connector={connector} />)}
        <EnrichmentSection />
      </Stack>
    </>
  );
}
