/**
 * Bulk actions on ticked rows (Knowledge, Observables, Reports) or a graph selection
 * (issue 17, point 3): edit labels, TLP and confidence; revoke; delete. Each is one
 * undoable transaction in the knowledge base (kb/versions/bulk.ts).
 */
import { Alert, Button, Group, Modal, NumberInput, Progress, Select, Stack, TagsInput, Text } from '@mantine/core';
import { IconBan, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TLP_ORDER, type TlpLevel } from '../../../core/stix/markings.ts';
import { knowledgeBase } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import type { BulkAction } from '../kb/versions/bulk.ts';
import { DeleteDialog } from './DeleteDialog.tsx';
import { useBulkRun } from './useBulkRun.ts';

export function BulkProgressBar({ progress }: { progress: { done: number; total: number } | null }) {
  const { t } = useTranslation();
  if (!progress) return null;
  const value = progress.total === 0 ? 100 : (progress.done / progress.total) * 100;
  return (
    <Stack gap={2} data-testid="bulk-progress">
      <Progress value={value} animated aria-label={t('versions.bulk.working')} />
      <Text size="xs" c="dimmed">{progress.total === 0 ? t('versions.bulk.working') : t('versions.bulk.progress', progress)}</Text>
    </Stack>
  );
}

function BulkEditModal({ ids, onClose }: { ids: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [addLabels, setAddLabels] = useState<string[]>([]);
  const [removeLabels, setRemoveLabels] = useState<string[]>([]);
  const [tlp, setTlp] = useState<TlpLevel | null>(null);
  const [confidence, setConfidence] = useState<number | string>('');
  const [empty, setEmpty] = useState(false);
  const labels = useLabelNames();
  const { run, busy, error, progress } = useBulkRun();
  const apply = async () => {
    const action: BulkAction = {
      ...(addLabels.length > 0 ? { addLabels } : {}),
      ...(removeLabels.length > 0 ? { removeLabels } : {}),
      ...(tlp ? { tlp } : {}),
      ...(typeof confidence === 'number' ? { confidence } : {}),
    };
    if (Object.keys(action).length === 0) return setEmpty(true);
    if (await run((onProgress) => knowledgeBase().bulkEdit({ ids, action }, { onProgress }))) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('versions.bulk.title', { count: ids.length })}>
      <Stack gap="sm" data-testid="bulk-edit">
        <Text size="xs" c="dimmed">{t('versions.bulk.hint')}</Text>
        <TagsInput label={t('versions.bulk.addLabels')} placeholder={t('versions.bulk.labelsPlaceholder')} data={labels} value={addLabels} onChange={setAddLabels} data-testid="bulk-add-labels" />
        <TagsInput label={t('versions.bulk.removeLabels')} placeholder={t('versions.bulk.labelsPlaceholder')} data={labels} value={removeLabels} onChange={setRemoveLabels} />
        <Select label={t('versions.bulk.tlp')} placeholder={t('versions.bulk.keepTlp')} clearable value={tlp} onChange={(value) => setTlp(value)} data={TLP_ORDER.map((level) => ({ value: level, label: `TLP:${level.toUpperCase()}` }))} data-testid="bulk-tlp" />
        <NumberInput label={t('versions.bulk.confidence')} min={0} max={100} allowDecimal={false} value={confidence} onChange={setConfidence} />
        {empty && <Text size="sm" c="orange">{t('versions.bulk.nothing')}</Text>}
        <BulkProgressBar progress={progress} />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('versions.deleteDialog.cancel')}</Button>
          <Button loading={busy} onClick={() => void apply()} data-testid="bulk-apply">{t('versions.bulk.apply')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function useLabelNames(): string[] {
  const labels = useKbQuery(() => knowledgeBase().listLabels({}), []);
  return (labels.data?.labels ?? []).slice(0, 500).map((row) => row.label);
}

export function BulkActions({ ids, onDeleted }: { ids: string[]; onDeleted?: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const { run, busy, error, progress } = useBulkRun();
  const revoke = () => {
    if (!window.confirm(t('versions.bulk.revokeConfirm', { count: ids.length }))) return;
    void run((onProgress) => knowledgeBase().revokeObjects({ ids }, { onProgress }));
  };
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setDialog('edit')} data-testid="bulk-edit-open">
        {t('versions.bulk.edit')}
      </Button>
      <Button size="xs" variant="default" color="orange" leftSection={<IconBan size={14} />} loading={busy} onClick={revoke} data-testid="bulk-revoke">
        {t('versions.bulk.revoke')}
      </Button>
      <Button size="xs" variant="default" color="red" leftSection={<IconTrash size={14} />} onClick={() => setDialog('delete')} data-testid="bulk-delete">
        {t('versions.bulk.delete')}
      </Button>
      <BulkProgressBar progress={progress} />
      {error && <Text size="xs" c="red">{error}</Text>}
      {dialog === 'edit' && <BulkEditModal ids={ids} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteDialog ids={ids} onClose={() => setDialog(null)} onDeleted={() => onDeleted?.(ids)} />}
    </>
  );
}
