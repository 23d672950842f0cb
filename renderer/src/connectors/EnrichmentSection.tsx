/**
 * Enrichment connectors on the Connectors page (issue 8): each one's switch, what it may
 * send (the highest TLP), its quota and today's use, automatic enrichment of new
 * observables, and its own settings (the VirusTotal key). They run on demand, from the
 * Enrich action, so they have no schedule or run log.
 */
import { Alert, Anchor, Badge, Button, Card, Group, Loader, NumberInput, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { IconCloud, IconCloudOff, IconSettings } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectorSummary, EnrichmentConnectorInfo } from '../../../core/ipc/channels.ts';
import { TLP_ORDER } from '../../../core/stix/markings.ts';
import { invoke } from '../ipc/client.ts';
import { openExternal } from '../knowledge/openExternal.ts';
import { ConfigForm } from './ConfigForm.tsx';
import { SettingsCard } from './SettingsCard.tsx';
import { useConnectorStore } from './connectorStore.ts';
import { connectorText } from './connectorTextJa.ts';

type Limits = Pick<EnrichmentConnectorInfo, 'maxTlp' | 'quota' | 'autoEnrich' | 'autoDailyQuota'>;

function LimitsFields({ limits, onChange, network }: { limits: Limits; onChange: (limits: Limits) => void; network: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Select
        label={t('enrichment.maxTlp')}
        description={t('enrichment.maxTlpHelp')}
        allowDeselect={false}
        data={TLP_ORDER.map((level) => ({ value: level, label: `TLP:${level.toUpperCase()}` }))}
        value={limits.maxTlp}
        onChange={(value) => onChange({ ...limits, maxTlp: value ?? limits.maxTlp })}
        data-field="maxTlp"
      />
      {network && limits.quota && (
        <Group grow>
          <NumberInput label={t('enrichment.perMinute')} min={1} value={limits.quota.perMinute} onChange={(value) => typeof value === 'number' && limits.quota && onChange({ ...limits, quota: { ...limits.quota, perMinute: value } })} />
          <NumberInput label={t('enrichment.perDay')} min={1} value={limits.quota.perDay} onChange={(value) => typeof value === 'number' && limits.quota && onChange({ ...limits, quota: { ...limits.quota, perDay: value } })} />
        </Group>
      )}
      <Switch label={t('enrichment.autoEnrich')} description={t('enrichment.autoEnrichHelp')} checked={limits.autoEnrich} onChange={(event) => onChange({ ...limits, autoEnrich: event.currentTarget.checked })} />
      {limits.autoEnrich && <NumberInput label={t('enrichment.autoDailyQuota')} min={0} value={limits.autoDailyQuota} onChange={(value) => typeof value === 'number' && onChange({ ...limits, autoDailyQuota: value })} />}
    </Stack>
  );
}

function EnrichmentCard({ connector, onChange }: { connector: ConnectorSummary; onChange: (summary: ConnectorSummary) => void }) {
  const { t, i18n } = useTranslation();
  const info = connector.enrichment;
  const [open, setOpen] = useState(false);
  const [limits, setLimits] = useState<Limits | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!info) return null;
  const shown = limits ?? info;

  async function configure(settings: Parameters<typeof invoke<'enrichment:configure'>>[1]['settings']) {
    setError(null);
    try {
      onChange(await invoke('enrichment:configure', { id: connector.id, settings }));
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
      throw reason;
    }
  }

  return (
    <Card withBorder radius="lg" padding="lg" data-testid={`enrichment-${connector.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="xs">
            <Text fw={600}>{connectorText(connector.name, i18n.language)}</Text>
            <Badge variant="light" color={info.network ? 'blue' : 'teal'} leftSection={info.network ? <IconCloud size={12} /> : <IconCloudOff size={12} />}>
              {info.network ? t('enrichment.online') : t('enrichment.offline')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {connectorText(connector.description, i18n.language)}
          </Text>
          <Text size="xs" mt={4}>
            {t('enrichment.sendsUpTo', { tlp: `TLP:${info.maxTlp.toUpperCase()}` })}
            {info.quota && ` · ${t('enrichment.usage', { used: info.usage.requests, perDay: info.quota.perDay, perMinute: info.quota.perMinute })}`}
            {info.autoEnrich && ` · ${t('enrichment.autoOn', { used: info.usage.autoEnrichments, quota: info.autoDailyQuota })}`}
          </Text>
          {!info.network && (
            // The bundled AS data is CC BY 4.0; DB-IP asks for a visible link where it is used.
            <Text size="xs" c="dimmed" mt={4} data-testid="enrichment-attribution">
              {t('enrichment.attribution')}{' '}
              <Anchor size="xs" component="button" onClick={() => openExternal('https://db-ip.com')}>
                IP Geolocation by DB-IP
              </Anchor>
            </Text>
          )}
        </div>
        <Switch
          checked={connector.enabled}
          onChange={(event) => void configure({ enabled: event.currentTarget.checked }).catch(() => undefined)}
          aria-label={t('enrichment.enable', { name: connectorText(connector.name, i18n.language) })}
          data-testid="enrichment-enabled"
        />
      </Group>
      {error && (
        <Text size="sm" c="red" role="alert" mt="xs">
          {error}
        </Text>
      )}
      <Group gap="xs" mt="sm">
        <Button size="xs" variant="default" leftSection={<IconSettings size={14} />} onClick={() => setOpen(!open)} aria-expanded={open} data-testid="enrichment-settings">
          {t('connectors.settings')}
        </Button>
      </Group>
      {open && (
        <SettingsCard secretsPersistent={connector.secretsPersistent}>
          <LimitsFields limits={shown} onChange={setLimits} network={info.network} />
          <ConfigForm
            connectorId={connector.id}
            schema={connector.configSchema}
            config={connector.config}
            onSave={async (config) => {
              await configure({ config, maxTlp: shown.maxTlp, quota: shown.quota, autoEnrich: shown.autoEnrich, autoDailyQuota: shown.autoDailyQuota });
              setLimits(null);
              setOpen(false);
            }}
          />
        </SettingsCard>
      )}
    </Card>
  );
}

export function EnrichmentSection() {
  const { t } = useTranslation();
  const [connectors, setConnectors] = useState<ConnectorSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const problem = useConnectorStore((state) => state.autoEnrichProblem);
  useEffect(() => {
    invoke('enrichment:list').then(setConnectors, (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }, []);
  const replace = (summary: ConnectorSummary) => setConnectors((current) => current?.map((connector) => (connector.id === summary.id ? summary : connector)) ?? null);
  return (
    <Stack gap="md" data-testid="enrichment-section">
      <div>
        <Title order={3}>{t('enrichment.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('enrichment.description')}
        </Text>
      </div>
      {error && <Text c="red">{error}</Text>}
      {problem && (
        <Alert color="orange" withCloseButton onClose={() => useConnectorStore.setState({ autoEnrichProblem: null })} data-testid="auto-enrich-problem">
          {problem.count > 0 ? t('enrichment.autoFailed', { count: problem.count, message: problem.message }) : t('enrichment.autoError', { message: problem.message })}
        </Alert>
      )}
      {connectors === null && !error && <Loader size="sm" />}
      {connectors?.map((connector) => <EnrichmentCard key={connector.id} connector={connector} onChange={replace} />)}
    </Stack>
  );
}
