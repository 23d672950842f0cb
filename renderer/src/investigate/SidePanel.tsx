/**
 * What is selected on the graph: one object's full detail (the same view as everywhere
 * else), one relationship with its edit and delete actions, or a count by type.
 */
import { Alert, Button, Group, Loader, Paper, ScrollArea, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { relationshipTypesFor } from '../../../core/stix/model/sros.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import type { GraphEdge } from '../kb/queries/graph.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { DetailBody } from '../knowledge/ObjectDetail.tsx';
import { TypeLabel } from '../knowledge/TypeLabel.tsx';
import { addEdge, removeEdge, removeNodes } from './graphModel.ts';
import { BulkActions } from '../versions/BulkActions.tsx';
import { UndoBar } from '../versions/UndoBar.tsx';
import { useGraphModel, useInvestigationStore } from './investigationStore.ts';
import { useAction } from '../app/useAction.ts';

function typeOf(id: string): string {
  return id.split('--')[0] ?? '';
}

function RelationshipEditor({ edge }: { edge: GraphEdge }) {
  const detail = useKbQuery(() => knowledgeBase().getObject({ id: edge.id }), [edge.id]);
  if (detail.loading && !detail.data) return <Loader size="sm" />;
  const stored = detail.data?.stix['description'];
  return <RelationshipForm edge={edge} storedDescription={typeof stored === 'string' ? stored : ''} />;
}

function RelationshipForm({ edge, storedDescription }: { edge: GraphEdge; storedDescription: string }) {
  const { t } = useTranslation();
  const model = useGraphModel();
  const edit = useInvestigationStore((state) => state.edit);
  const [type, setType] = useState(edge.label);
  const [description, setDescription] = useState(storedDescription);
  const { run, busy: saving, error } = useAction();
  const choices = useMemo(() => relationshipTypesFor(typeOf(edge.source), typeOf(edge.target)), [edge.source, edge.target]);
  const name = (id: string) => model.nodes.get(id)?.summary.name ?? id;

  const save = () =>
    run(async () => {
      const updated = await knowledgeBase().updateRelationship({ id: edge.id, relationshipType: type, description });
      edit((graph) => addEdge(graph, { ...edge, label: updated.relationship?.type ?? type }));
      notifyKnowledgeChanged();
    });
  const remove = async () => {
    if (!window.confirm(t('investigate.deleteRelationshipConfirm', { type: edge.label, source: name(edge.source), target: name(edge.target) }))) return;
    await run(async () => {
      await knowledgeBase().deleteRelationship({ id: edge.id });
      edit((graph) => removeEdge(graph, edge.id));
      notifyKnowledgeChanged();
    });
  };

  return (
    <Stack gap="sm" data-testid="relationship-editor">
      <Title order={4} size="h5">
        {t('investigate.relationship')}
      </Title>
      <Text size="sm">
        {name(edge.source)} → {name(edge.target)}
      </Text>
      <Select label={t('investigate.relationshipType')} data={choices.includes(type) ? choices : [type, ...choices]} value={type} onChange={(value) => value && setType(value)} allowDeselect={false} searchable />
      <Textarea label={t('investigate.description')} value={description} onChange={(event) => setDescription(event.currentTarget.value)} autosize minRows={2} maxRows={8} />
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="space-between">
        <Button color="red" variant="subtle" leftSection={<IconTrash size={14} />} onClick={() => void remove()} data-testid="relationship-delete">
          {t('investigate.deleteRelationship')}
        </Button>
        <Button onClick={() => void save()} loading={saving} data-testid="relationship-update">
          {t('investigate.saveRelationship')}
        </Button>
      </Group>
    </Stack>
  );
}

function ObjectPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useKbQuery(() => knowledgeBase().getObject({ id }), [id]);
  if (detail.loading && !detail.data) return <Loader size="sm" />;
  if (detail.error) return <Alert color="red">{detail.error.message}</Alert>;
  if (!detail.data) return <Text c="dimmed">{t('kb.detail.notFound')}</Text>;
  // What the enrichment added hangs off the node: expanding it draws the new neighbours.
  return <DetailBody detail={detail.data} inGraph onEnriched={(enriched) => void useInvestigationStore.getState().expand([enriched], {})} />;
}

export function SidePanel({ selectedNodes, selectedEdge }: { selectedNodes: readonly string[]; selectedEdge: GraphEdge | undefined }) {
  const { t } = useTranslation();
  const model = useGraphModel();
  const byType = useMemo(() => {
    const counts = new Map<string, number>();
    for (const id of selectedNodes) {
      const type = model.nodes.get(id)?.summary.type ?? typeOf(id);
      counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1]);
  }, [selectedNodes, model]);

  return (
    <Paper withBorder radius="md" p="sm" w={400} style={{ flexShrink: 0, display: 'flex', flexDirection: 'column' }} data-testid="side-panel" aria-label={t('investigate.details')}>
      <ScrollArea style={{ flex: 1 }}>
        {selectedEdge?.kind === 'relationship' ? (
          <RelationshipEditor key={selectedEdge.id} edge={selectedEdge} />
        ) : selectedNodes.length === 1 && selectedNodes[0] ? (
          <ObjectPanel id={selectedNodes[0]} />
        ) : selectedNodes.length > 1 ? (
          <Stack gap="xs">
            <Title order={4} size="h5">
              {t('investigate.nodesCount', { count: selectedNodes.length })}
            </Title>
            {byType.map(([type, count]) => (
              <Group key={type} justify="space-between">
                <TypeLabel type={type} />
                <Text size="sm">{count.toLocaleString()}</Text>
              </Group>
            ))}
            <Text size="xs" c="dimmed">{t('versions.bulk.graphSelection', { count: selectedNodes.length })}</Text>
            <Group gap="xs">
              <BulkActions ids={[...selectedNodes]} onDeleted={(ids) => useInvestigationStore.getState().edit((graph) => removeNodes(graph, ids))} />
            </Group>
            <UndoBar />
          </Stack>
        ) : (
          <Text c="dimmed" size="sm">
            {t('investigate.selectHint')}
          </Text>
        )}
      </ScrollArea>
    </Paper>
  );
}
