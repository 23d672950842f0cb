/**
 * Settings → Labels (issue 17, point 3): every label with its count and colour; rename,
 * merge into another, delete. Each change is one undoable bulk edit (kb/versions/labels.ts).
 */
import { ActionIcon, Alert, Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconArrowMerge, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { labelColours, type LabelColour, type LabelRow } from '../kb/versions/labels.ts';
import { BulkProgressBar } from './BulkActions.tsx';
import { UndoBar } from './UndoBar.tsx';
import { useBulkRun } from './useBulkRun.ts';

const SHOWN = 200;

type Editing = { kind: 'rename' | 'merge'; row: LabelRow } | null;

function LabelDialog({ editing, labels, onClose }: { editing: NonNullable<Editing>; labels: LabelRow[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string | null>(editing.kind === 'rename' ? editing.row.label : null);
  const { run, busy, error, progress } = useBulkRun();
  const from = editing.row.label;
  const save = async () => {
    const to = value?.trim() ?? '';
    if (to === '' || to === from) return;
    const done = await run((onProgress) =>
      editing.kind === 'rename' ? knowledgeBase().renameLabel({ from, to }, { onProgress }) : knowledgeBase().mergeLabels({ from: [from], into: to }, { onProgress }),
    );
    if (done) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={editing.kind === 'rename' ? t('versions.labels.renameTo', { label: from }) : t('versions.labels.mergeInto')}>
      <Stack gap="sm">
        {editing.kind === 'rename' ? (
          <TextInput data-autofocus aria-label={t('versions.labels.renameTo', { label: from })} value={value ?? ''} onChange={(event) => setValue(event.currentTarget.value)} onKeyDown={(event) => event.key === 'Enter' && void save()} data-testid="label-new-name" />
        ) : (
          <>
            <Text size="sm">{t('versions.labels.mergeHint', { label: from })}</Text>
            <Select searchable aria-label={t('versions.labels.mergeInto')} data={labels.filter((row) => row.label !== from).map((row) => row.label)} value={value} onChange={setValue} data-testid="label-merge-into" />
          </>
        )}
        <BulkProgressBar progress={progress} />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('versions.labels.cancel')}</Button>
          <Button loading={busy} onClick={() => void save()} data-testid="label-save">{t('versions.labels.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function LabelManagerCard() {
  const { t } = useTranslation();
  const labels = useKbQuery(() => knowledgeBase().listLabels({}), []);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const { run, error } = useBulkRun();
  const rows = labels.data?.labels ?? [];
  const shown = rows.filter((row) => row.label.toLowerCase().includes(filter.trim().toLowerCase())).slice(0, SHOWN);
  const remove = (row: LabelRow) => {
    if (!window.confirm(t('versions.labels.deleteConfirm', { label: row.label, count: row.count }))) return;
    void run((onProgress) => knowledgeBase().deleteLabel({ label: row.label }, { onProgress }));
  };
  const colour = async (row: LabelRow, value: string | null) => {
    await knowledgeBase().setLabelColour({ label: row.label, colour: (value as LabelColour | null) ?? null });
    notifyKnowledgeChanged();
  };
  return (
    <Card withBorder radius="lg" padding="lg" data-testid="label-manager">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('versions.labels.title')}</Title>
        <Text size="sm" c="dimmed">{t('versions.labels.body')}</Text>
        <UndoBar />
        {(error ?? labels.error) && <Alert color="red">{error ?? labels.error?.message}</Alert>}
        {labels.data && rows.length === 0 ? (
          <Text size="sm" c="dimmed">{t('versions.labels.empty')}</Text>
        ) : (
          <>
            <Group justify="space-between">
              <TextInput size="xs" w={260} placeholder={t('versions.labels.filter')} aria-label={t('versions.labels.filter')} value={filter} onChange={(event) => setFilter(event.currentTarget.value)} />
              <Text size="xs" c="dimmed">{t('versions.labels.total', { count: rows.length })}</Text>
            </Group>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('versions.labels.label')}</Table.Th>
                  <Table.Th w={100}>{t('versions.labels.count')}</Table.Th>
                  <Table.Th w={160}>{t('versions.labels.colour')}</Table.Th>
                  <Table.Th w={120} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((row) => (
                  <Table.Tr key={row.label} data-testid="label-row" data-label={row.label}>
                    <Table.Td><Badge variant="light" color={row.colour ?? 'gray'} tt="none">{row.label}</Badge></Table.Td>
                    <Table.Td>{row.count.toLocaleString()}</Table.Td>
                    <Table.Td>
                      <Select size="xs" aria-label={t('versions.labels.colour')} placeholder={t('versions.labels.noColour')} clearable value={row.colour ?? null} data={labelColours.map((value) => ({ value, label: value }))} onChange={(value) => void colour(row, value)} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <Tooltip label={t('versions.labels.rename')}>
                          <ActionIcon variant="subtle" aria-label={t('versions.labels.rename')} onClick={() => setEditing({ kind: 'rename', row })} data-testid="label-rename"><IconPencil size={16} /></ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('versions.labels.mergeInto')}>
                          <ActionIcon variant="subtle" aria-label={t('versions.labels.mergeInto')} disabled={rows.length < 2} onClick={() => setEditing({ kind: 'merge', row })} data-testid="label-merge"><IconArrowMerge size={16} /></ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('versions.labels.delete')}>
                          <ActionIcon variant="subtle" color="red" aria-label={t('versions.labels.delete')} onClick={() => remove(row)} data-testid="label-delete"><IconTrash size={16} /></ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
      {editing && <LabelDialog editing={editing} labels={rows} onClose={() => setEditing(null)} />}
    </Card>
  );
}
