/**
 * Settings → "Your data": where the profile folder is, how much it takes on disk, how much
 * of it is the knowledge base, and whether the browser layer has promised never to evict
 * it (navigator.storage.persist(), asked for at start-up).
 */
import { Badge, Code, CopyButton, Group, Loader, Stack, Table, Text, Tooltip, ActionIcon } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../ipc/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { SettingsCard } from './SettingsCard.tsx';

interface StorageFacts {
  folder: string;
  folderBytes: number;
  /** The origin's storage (the knowledge base in IndexedDB, kept files), as the browser counts it. */
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

async function storageFacts(): Promise<StorageFacts> {
  const [disk, estimate, persisted] = await Promise.all([
    invoke('app:storage'),
    navigator.storage.estimate().catch(() => null),
    navigator.storage.persisted().catch(() => null),
  ]);
  return { folder: disk.folder, folderBytes: disk.bytes, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString(language, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit] ?? ''}`;
}

export function StorageCard() {
  const { t, i18n } = useTranslation();
  const facts = useKbQuery(storageFacts, []);
  const bytes = (value: number | null) => (value === null ? t('pages.settings.unavailable') : formatBytes(value, i18n.language));
  return (
    <SettingsCard testId="storage-card" title={t('storage.title')} help={t('storage.help')}>
      {!facts.data ? (
        facts.error ? (
          <Text size="sm" c="red">
            {facts.error.message}
          </Text>
        ) : (
          <Loader size="xs" />
        )
      ) : (
        <Stack gap="xs">
          <Table variant="vertical" layout="fixed" withTableBorder={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={220}>{t('storage.folder')}</Table.Th>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Code data-testid="storage-folder" style={{ wordBreak: 'break-all' }}>
                      {facts.data.folder}
                    </Code>
                    <CopyButton value={facts.data.folder}>
                      {({ copied, copy }) => (
                        <Tooltip label={copied ? t('storage.copied') : t('storage.copy')}>
                          <ActionIcon variant="subtle" size="sm" onClick={copy} aria-label={t('storage.copy')}>
                            {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </CopyButton>
                  </Group>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('storage.onDisk')}</Table.Th>
                <Table.Td data-testid="storage-folder-bytes">{bytes(facts.data.folderBytes)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('storage.knowledgeBase')}</Table.Th>
                <Table.Td data-testid="storage-kb-bytes">
                  {facts.data.quota === null ? bytes(facts.data.usage) : t('storage.ofQuota', { used: bytes(facts.data.usage), quota: bytes(facts.data.quota) })}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('storage.durable')}</Table.Th>
                <Table.Td>
                  <Badge color={facts.data.persisted ? 'teal' : 'yellow'} variant="light" data-testid="storage-persisted" data-persisted={String(facts.data.persisted === true)}>
                    {facts.data.persisted ? t('storage.persisted') : t('storage.notPersisted')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {facts.data.persisted === false && (
            <Text size="xs" c="dimmed">
              {t('storage.notPersistedHelp')}
            </Text>
          )}
        </Stack>
      )}
    </SettingsCard>
  );
}
