/**
 * Drawing a relationship between the two selected nodes: the types STIX 2.1 defines for
 * that pair of object types are offered (related-to always), the direction can be
 * swapped, and the knowledge base validates and stores it before the edge appears.
 */
import { ActionIcon, Group, Modal, Select, Slider, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { relationshipTypesFor } from '../../../core/stix/model/sros.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { TypeLabel } from '../knowledge/TypeLabel.tsx';
import { addEdge } from './graphModel.ts';
import { useGraphModel, useInvestigationStore } from './investigationStore.ts';
import { useAction } from '../app/useAction.ts';
import { DialogActions } from './DialogActions.tsx';

export function RelationshipModal({ ends, onClose }: { ends: [string, string]; onClose: () => void }) {
  const { t } = useTranslation();
  const model = useGraphModel();
  const edit = useInvestigationStore((state) => state.edit);
  const [[source, target], setEnds] = useState(ends);
  const sourceNode = model.nodes.get(source)?.summary;
  const targetNode = model.nodes.get(target)?.summary;
  const choices = useMemo(() => (sourceNode && targetNode ? relationshipTypesFor(sourceNode.type, targetNode.type) : ['related-to']), [sourceNode, targetNode]);
  const [type, setType] = useState<string | null>(null);
  const chosen = type !== null && choices.includes(type) ? type : (choices[0] ?? 'related-to');
  const [description, setDescription] = useState('');
  const [confidence, setConfidence] = useState(50);
  const { run, busy: saving, error } = useAction();
  if (!sourceNode || !targetNode) return null;

  const create = () =>
    run(async () => {
      const created = await knowledgeBase().createRelationship({ sourceRef: source, targetRef: target, relationshipType: chosen, confidence, ...(description.trim() ? { description: description.trim() } : {}) });
      edit((graph) => addEdge(graph, { id: created.id, source, target, label: chosen, kind: 'relationship' }));
      notifyKnowledgeChanged();
      onClose();
    });

  return (
    <Modal opened onClose={onClose} title={t('investigate.relateTitle')} size="lg">
      <Stack gap="sm" data-testid="relationship-modal">
        <Group justify="space-between" wrap="nowrap" align="center">
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <TypeLabel type={sourceNode.type} />
            <Text fw={600} truncate data-testid="relate-source">
              {sourceNode.name}
            </Text>
          </Stack>
          <Tooltip label={t('investigate.swap')}>
            <ActionIcon variant="default" onClick={() => setEnds([target, source])} aria-label={t('investigate.swap')} data-testid="relate-swap">
              <IconArrowsExchange size={16} />
            </ActionIcon>
          </Tooltip>
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }} align="flex-end">
            <TypeLabel type={targetNode.type} />
            <Text fw={600} truncate data-testid="relate-target">
              {targetNode.name}
            </Text>
          </Stack>
        </Group>
        <Select
          label={t('investigate.relationshipType')}
          description={t('investigate.relationshipTypeHint', { count: choices.length })}
          data={choices}
          value={chosen}
          onChange={setType}
          allowDeselect={false}
          searchable
          data-testid="relate-type"
        />
        <Textarea label={t('investigate.description')} value={description} onChange={(event) => setDescription(event.currentTarget.value)} autosize minRows={2} maxRows={6} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('investigate.confidence', { value: confidence })}
          </Text>
          <Slider min={0} max={100} step={5} value={confidence} onChange={setConfidence} aria-label={t('investigate.confidence', { value: confidence })} />
        </Stack>
        <DialogActions error={error} busy={saving} label={t('investigate.createRelationship')} testId="relate-create" onCancel={onClose} onConfirm={() => void create()} />
      </Stack>
    </Modal>
  );
}
