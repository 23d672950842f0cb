/**
 * Merge duplicates (issue 17, point 4): the analyst picks the object to keep, its name,
 * and edits the merged description with every description shown side by side; the merge
 * is one knowledge-base transaction, offered for undo where the analyst is (UndoBar).
 */
import { Alert, Button, Group, Modal, Radio, ScrollArea, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconArrowMerge } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { combineDuplicates, combinedDescription } from '../../../core/curation/combineDuplicates.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { useAction } from '../app/useAction.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { useUndoStore } from '../versions/undoStore.ts';

interface Candidate {
  id: string;
  stix: JsonObject;
  sources: number;
}

function nameOf(stix: JsonObject): string {
  return typeof stix['name'] === 'string' ? stix['name'] : String(stix['id']);
}

export function MergeDialog({ ids, onClose, onMerged }: { ids: readonly string[]; onClose: () => void; onMerged?: () => void }) {
  const { t } = useTranslation();
  const loaded = useKbQuery(async () => {
    const details = await Promise.all(ids.map((id) => knowledgeBase().getObject({ id })));
    return details.flatMap((detail): Candidate[] => (detail ? [{ id: String(detail.stix['id']), stix: detail.stix, sources: detail.sources.length }] : []));
  }, [ids.join(',')]);
  const candidates = useMemo(() => loaded.data ?? [], [loaded.data]);
  const [chosenKeep, setKeepId] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [description, setDescription] = useState<string | null>(null);
  const { run, busy, error } = useAction();

  // The object with most sources (the best-known one) is proposed; the analyst may choose another.
  const keepId = chosenKeep ?? [...candidates].sort((a, b) => b.sources - a.sources)[0]?.id ?? null;
  const keep = candidates.find((candidate) => candidate.id === keepId);
  const others = candidates.filter((candidate) => candidate.id !== keepId);
  const names = [...new Set(candidates.map((candidate) => nameOf(candidate.stix)))];
  const chosenName = name ?? (keep ? nameOf(keep.stix) : '');
  const proposed = keep ? combinedDescription(keep.stix, others.map((other) => other.stix)) : '';
  const text = description ?? proposed;
  const preview = keep ? combineDuplicates(keep.stix, others.map((other) => other.stix), { name: chosenName, description: text }) : undefined;
  const aliases = Array.isArray(preview?.['aliases']) ? preview['aliases'].map(String) : [];

  const merge = () =>
    run(async () => {
      if (!keep) return;
      const result = await knowledgeBase().mergeObjects({ keepId: keep.id, otherIds: others.map((other) => other.id), resolved: { name: chosenName, description: text } });
      const message = t('merge.done', { removed: others.map((other) => nameOf(other.stix)).join(', '), name: chosenName, repointed: result.repointed });
      useUndoStore.getState().offerUndo({ message, undoId: result.undoId });
      notifyKnowledgeChanged();
      onMerged?.();
      onClose();
    });

  return (
    <Modal opened onClose={onClose} size="xl" title={t('merge.title', { count: ids.length })} data-testid="merge-dialog">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('merge.intro')}
        </Text>
        {loaded.error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {loaded.error.message}
          </Alert>
        )}
        {!loaded.data && <Text size="sm">{t('merge.loading')}</Text>}
        <Radio.Group label={t('merge.keep')} value={keepId} onChange={(value) => {
          setKeepId(value);
          setName(null);
          setDescription(null);
        }}>
          <Stack gap={6} mt={4}>
            {candidates.map((candidate) => (
              <Radio
                key={candidate.id}
                value={candidate.id}
                data-testid="merge-keep"
                data-id={candidate.id}
                aria-label={t('merge.keepThis', { name: nameOf(candidate.stix) })}
                label={`${nameOf(candidate.stix)} · ${t('merge.sources', { count: candidate.sources })}`}
                description={candidate.id}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Select label={t('merge.name')} data={names} value={chosenName} onChange={(value) => setName(value)} allowDeselect={false} searchable data-testid="merge-name" />
        <Text size="sm" data-testid="merge-aliases">
          <b>{t('merge.aliases')}:</b> {aliases.length > 0 ? aliases.join(', ') : t('merge.noAliases')}
        </Text>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('merge.descriptions')}
          </Text>
          <SimpleGrid cols={Math.min(candidates.length, 3)} spacing="sm">
            {candidates.map((candidate) => (
              <ScrollArea.Autosize key={candidate.id} mah={140} type="auto" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6, padding: 8 }}>
                <Text size="xs" fw={600}>
                  {nameOf(candidate.stix)}
                </Text>
                <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {typeof candidate.stix['description'] === 'string' ? candidate.stix['description'] : t('merge.noDescription')}
                </Text>
              </ScrollArea.Autosize>
            ))}
          </SimpleGrid>
        </div>
        <Textarea label={t('merge.mergedDescription')} autosize minRows={3} maxRows={10} value={text} onChange={(event) => setDescription(event.currentTarget.value)} data-testid="merge-description" />
        {error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="merge-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('merge.cancel')}
          </Button>
          <Button leftSection={<IconArrowMerge size={16} />} disabled={!keep || others.length === 0} loading={busy} onClick={() => void merge()} data-testid="merge-confirm">
            {t('merge.confirm', { name: chosenName })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
