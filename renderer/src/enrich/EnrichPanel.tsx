/**
 * What an enrichment did, as it happens: each observable with each connector's step
 * (looking up, what it added, or main's reason for sending nothing), then where else the
 * value appears in the knowledge base.
 */
import { Alert, Badge, Button, Group, Loader, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconCloud, IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEnrichStore } from './enrichStore.ts';
import type { ConnectorStep, ObservableEnrichment } from './runEnrichment.ts';

const stepColour: Record<ConnectorStep['state'], string> = { waiting: 'gray', running: 'blue', done: 'green', refused: 'orange', failed: 'red' };

function Step({ step }: { step: ConnectorStep }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} data-testid={`enrich-step-${step.connectorId}`} data-state={step.state}>
      <Group gap="xs" wrap="nowrap">
        {step.network ? <IconCloud size={14} aria-label={t('enrich.online')} /> : <IconCloudOff size={14} aria-label={t('enrich.offline')} />}
        <Text size="sm" fw={500}>
          {step.name}
        </Text>
        {step.state === 'running' ? <Loader size={12} /> : <Badge size="xs" variant="light" color={stepColour[step.state]}>{t(`enrich.states.${step.state}`)}</Badge>}
        {step.cached && (
          <Badge size="xs" variant="outline" color="gray">
            {t('enrich.cached')}
          </Badge>
        )}
      </Group>
      {step.refusal !== null && (
        <Text size="xs" c="orange" data-testid="enrich-step-refusal">
          {t(`enrich.refusals.${step.refusal}`)}
        </Text>
      )}
      {step.message !== '' && (
        // main's own words: the detail (which TLP, when the quota resets), in English.
        <Text size="xs" c={step.state === 'failed' ? 'red' : 'dimmed'} data-testid="enrich-step-message">
          {step.message}
        </Text>
      )}
      {step.state === 'done' && (
        <Text size="xs" c="dimmed">
          {t('enrich.added', { created: step.created, updated: step.updated })}
        </Text>
      )}
      {step.warnings.map((warning) => (
        <Text key={warning} size="xs" c="orange">
          {warning}
        </Text>
      ))}
    </Stack>
  );
}

function Item({ item }: { item: ObservableEnrichment }) {
  const { t } = useTranslation();
  const found = item.occurrences;
  return (
    <Stack gap="xs" data-testid="enrich-item">
      <Text fw={600} style={{ wordBreak: 'break-all' }}>
        {item.name}
      </Text>
      {item.problem && <Alert color="orange">{t(`enrich.problems.${item.problem}`, { type: item.type })}</Alert>}
      {item.steps.map((step) => (
        <Step key={step.connectorId} step={step} />
      ))}
      {found && (
        <Stack gap={2} data-testid="enrich-occurrences">
          <Text size="sm" fw={500}>
            {t('enrich.elsewhere')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('enrich.sources', { count: found.sources.length, names: found.sources.map((source) => source.name).join(', ') })}
          </Text>
          {found.containers.length > 0 && <Text size="xs">{t('enrich.containers', { count: found.containers.length, names: found.containers.map((object) => object.name).join(', ') })}</Text>}
          {found.indicators.length > 0 && <Text size="xs">{t('enrich.indicators', { count: found.indicators.length })}</Text>}
          {found.sameFile.length > 0 && <Text size="xs">{t('enrich.sameFile', { count: found.sameFile.length, names: found.sameFile.map((object) => object.name).join(', ') })}</Text>}
        </Stack>
      )}
    </Stack>
  );
}

export function EnrichPanel() {
  const { t } = useTranslation();
  const { open, running, items, total, leftOut, error, close } = useEnrichStore();
  if (!open) return null;
  const finished = items.filter((item) => item.occurrences !== null || item.problem !== null).length;
  return (
    <Modal opened onClose={close} closeOnEscape={!running} closeOnClickOutside={!running} withCloseButton={!running} size="lg" title={t('enrich.title', { count: total })}>
      <Stack gap="md" data-testid="enrich-panel" data-running={running}>
        {total > 1 && <Progress value={(finished / total) * 100} aria-label={t('enrich.progress', { done: finished, total })} />}
        {leftOut > 0 && <Alert color="orange">{t('enrich.leftOut', { count: leftOut })}</Alert>}
        {error && <Alert color="red">{error}</Alert>}
        {items.map((item) => (
          <Item key={item.id} item={item} />
        ))}
        <Group justify="flex-end">
          <Button onClick={close} disabled={running} data-testid="enrich-close">
            {running ? t('enrich.running') : t('enrich.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
