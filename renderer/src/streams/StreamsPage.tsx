/**
 * Stream consumers (issue 8): what Magpie pushes to a SIEM, each with its status, lag,
 * last delivery, failures and dead letters, and a form to add or change one.
 */
import { Alert, Badge, Button, Card, Group, Loader, Stack, Switch, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconBroadcast, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsumerSummaryView } from '../../../core/ipc/streamChannels.ts';
import { useAction } from '../app/useAction.ts';
import { invoke } from '../ipc/client.ts';
import { PageHeader } from '../pages/PageHeader.tsx';
import { ConsumerForm } from './ConsumerForm.tsx';
import { DeadLetters } from './DeadLetters.tsx';
import { leftOutText } from './leftOutText.ts';
import { useStreamStore } from './streamStore.ts';

const statusColour: Record<ConsumerSummaryView['status'], string> = { stopped: 'gray', 'up-to-date': 'green', 'catching-up': 'blue', retrying: 'orange' };

function when(iso: string | null | undefined, language: string): string {
  return iso ? new Date(iso).toLocaleString(language) : '—';
}

function ConsumerCard({ consumer, onEdit }: { consumer: ConsumerSummaryView; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const { run: act, busy, error } = useAction();
  const [showDead, setShowDead] = useState(false);
  const number = (value: number) => value.toLocaleString(i18n.language);

  async function remove() {
    if (!window.confirm(t('streams.removeConfirm', { name: consumer.name }))) return;
    await act(async () => {
      await invoke('stream:remove', { id: consumer.id });
      useStreamStore.getState().remove(consumer.id);
    });
  }

  return (
    <Card withBorder radius="lg" padding="lg" data-testid={`consumer-${consumer.id}`} data-status={consumer.status}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>{consumer.name}</Text>
            <Badge variant="light" color={statusColour[consumer.status]} data-testid="consumer-status">
              {t(`streams.status.${consumer.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {consumer.targetDescription}
          </Text>
        </Stack>
        <Switch
          checked={consumer.enabled}
          disabled={busy}
          label={t('streams.enabled')}
          aria-label={t('streams.enable', { name: consumer.name })}
          onChange={(event) => {
            const enabled = event.currentTarget.checked;
            void act(async () => useStreamStore.getState().replace(await invoke('stream:set-enabled', { id: consumer.id, enabled })));
          }}
        />
      </Group>
      <Table mt="sm" fz="sm" withRowBorders={false} data-testid="consumer-figures">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={180}>{t('streams.lag')}</Table.Th>
            <Table.Td data-testid="consumer-lag">{t('streams.lagValue', { count: consumer.lag, formatted: number(consumer.lag) })}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('streams.delivered')}</Table.Th>
            <Table.Td data-testid="consumer-delivered">{number(consumer.delivered)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('streams.leftOut')}</Table.Th>
            <Table.Td data-testid="consumer-left-out">{leftOutText(consumer.leftOut, t, i18n.language)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('streams.lastDelivery')}</Table.Th>
            <Table.Td>{consumer.lastDelivery ? t('streams.lastDeliveryValue', { at: when(consumer.lastDelivery.at, i18n.language), seq: number(consumer.lastDelivery.seq) }) : t('streams.never')}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('streams.failures')}</Table.Th>
            <Table.Td data-testid="consumer-failures">{number(consumer.failures)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('streams.deadLetters')}</Table.Th>
            <Table.Td data-testid="consumer-dead-letters">
              {number(consumer.deadLetters)}
              {consumer.deadLettersDropped > 0 && (
                <Text span size="xs" c="orange" ml="xs">
                  {t('streams.deadLettersDropped', { count: consumer.deadLettersDropped, formatted: number(consumer.deadLettersDropped) })}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {consumer.lastError && (
        <Alert mt="sm" color={consumer.status === 'retrying' ? 'orange' : 'red'} icon={<IconAlertTriangle size={16} />} data-testid="consumer-error">
          {consumer.lastError}
          {consumer.retryAt && <Text size="xs">{t('streams.retryAt', { at: when(consumer.retryAt, i18n.language) })}</Text>}
        </Alert>
      )}
      {error && (
        <Text c="red" size="sm" mt="xs">
          {error}
        </Text>
      )}
      <Group mt="md" gap="xs">
        <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={onEdit}>
          {t('streams.edit')}
        </Button>
        <Button size="xs" variant="default" disabled={consumer.deadLetters === 0 && !showDead} onClick={() => setShowDead(!showDead)}>
          {showDead ? t('streams.hideDeadLetters') : t('streams.showDeadLetters', { count: consumer.deadLetters })}
        </Button>
        <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} loading={busy} onClick={() => void remove()}>
          {t('streams.remove')}
        </Button>
      </Group>
      {showDead && <DeadLetters consumer={consumer} />}
    </Card>
  );
}

export function StreamsPage() {
  const { t } = useTranslation();
  const { consumers, error, pumpError, load } = useStreamStore();
  const [editing, setEditing] = useState<ConsumerSummaryView | 'new' | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageHeader title={t('pages.streams.title')} description={t('pages.streams.description')} />
      <Stack gap="md">
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="consumer-add">
            {t('streams.add')}
          </Button>
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        {pumpError && <Alert color="orange">{t('streams.pumpFailed', { message: pumpError })}</Alert>}
        {consumers === null && !error && <Loader size="sm" />}
        {consumers?.length === 0 && (
          <Card withBorder radius="lg" padding="xl" data-testid="streams-empty">
            <Group gap="md" wrap="nowrap" align="flex-start">
              <IconBroadcast size={32} />
              <Stack gap="xs">
                <Text fw={600}>{t('streams.emptyTitle')}</Text>
                <Text size="sm" c="dimmed">
                  {t('streams.emptyBody')}
                </Text>
              </Stack>
            </Group>
          </Card>
        )}
        {consumers?.map((consumer) => <ConsumerCard key={consumer.id} consumer={consumer} onEdit={() => setEditing(consumer)} />)}
      </Stack>
      {editing !== null && <ConsumerForm consumer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
