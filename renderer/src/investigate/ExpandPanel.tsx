/**
 * Expanding nodes: the neighbours one step out, counted by relationship type and by
 * object type before anything is added, so the analyst picks what to bring in. An
 * expansion past the threshold asks again with its size.
 */
import { Alert, Button, Group, Loader, Modal, ScrollArea, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase } from '../kb/client.ts';
import type { NeighbourRequest } from '../kb/queries/graph.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { TypeIcon, useTypeName } from '../knowledge/TypeLabel.tsx';
import { EXPANSION_CONFIRM_THRESHOLD, useGraphModel, useInvestigationStore } from './investigationStore.ts';

type Choice = { label: string; count: number; filter: Pick<NeighbourRequest, 'types' | 'relationshipTypes' | 'followReferences'> };

/** Embedded references (object_refs…) are counted under their property name; following them means following references only. */
function relationshipFilter(label: string): Choice['filter'] {
  return /_refs?$/.test(label) ? { relationshipTypes: ['-'], followReferences: true } : { relationshipTypes: [label], followReferences: false };
}

export function ExpandPanel({ ids, onClose }: { ids: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const model = useGraphModel();
  const expand = useInvestigationStore((state) => state.expand);
  const [pending, setPending] = useState<Choice | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const counts = useKbQuery(() => knowledgeBase().neighbourCounts({ ids: [...ids], exclude: [...model.nodes.keys()] }), [ids.join(',')]);
  const names = ids.map((id) => model.nodes.get(id)?.summary.name ?? id);

  const run = async (choice: Choice, confirmed = false) => {
    if (!confirmed && choice.count > EXPANSION_CONFIRM_THRESHOLD) {
      setPending(choice);
      return;
    }
    setPending(null);
    const result = await expand(ids, choice.filter);
    if (result.truncated) setOutcome(t('investigate.expandTruncated', { count: result.added }));
    else onClose();
  };

  const row = (choice: Choice, testId: string, icon?: React.ReactNode) => (
    <Table.Tr key={testId}>
      <Table.Td>
        <UnstyledButton onClick={() => void run(choice)} data-testid={testId} style={{ width: '100%' }}>
          <Group gap="xs" wrap="nowrap">
            {icon}
            <Text size="sm">{choice.label}</Text>
          </Group>
        </UnstyledButton>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" c="dimmed" data-testid={`${testId}-count`}>
          {choice.count.toLocaleString()}
        </Text>
      </Table.Td>
    </Table.Tr>
  );

  return (
    <Modal opened onClose={onClose} title={t('investigate.expandTitle', { name: names.length === 1 ? names[0] : t('investigate.nodesCount', { count: names.length }) })} size="lg">
      {counts.loading && !counts.data ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('investigate.counting')}</Text>
        </Group>
      ) : counts.error ? (
        <Alert color="red">{counts.error.message}</Alert>
      ) : counts.data && counts.data.total === 0 ? (
        <Text c="dimmed" data-testid="expand-nothing">
          {t('investigate.expandNothing')}
        </Text>
      ) : counts.data ? (
        <Stack gap="sm">
          {pending && (
            <Alert color="yellow" data-testid="expand-confirm">
              <Text size="sm" mb="xs">
                {t('investigate.expandLarge', { count: pending.count })}
              </Text>
              <Group gap="xs">
                <Button size="xs" onClick={() => void run(pending, true)} data-testid="expand-confirm-yes">
                  {t('investigate.expandAnyway')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setPending(null)}>
                  {t('investigate.cancel')}
                </Button>
              </Group>
            </Alert>
          )}
          {outcome && <Alert color="yellow">{outcome}</Alert>}
          <Button onClick={() => void run({ label: '', count: counts.data?.total ?? 0, filter: {} })} data-testid="expand-all">
            {t('investigate.expandAll', { count: counts.data.total })}
          </Button>
          <ScrollArea.Autosize mah="55vh">
            <Group align="flex-start" grow>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('investigate.byRelationship')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>{counts.data.byRelationship.map((entry) => row({ label: entry.type, count: entry.count, filter: relationshipFilter(entry.type) }, `expand-rel-${entry.type}`))}</Table.Tbody>
              </Table>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('investigate.byType')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {counts.data.byType.map((entry) => row({ label: typeName(entry.type), count: entry.count, filter: { types: [entry.type] } }, `expand-type-${entry.type}`, <TypeIcon type={entry.type} size={18} />))}
                </Table.Tbody>
              </Table>
            </Group>
          </ScrollArea.Autosize>
        </Stack>
      ) : null}
    </Modal>
  );
}
