/**
 * Saved investigations: open, rename, delete, export as a STIX grouping; and how to start
 * one (from any object, a report, a search or a selection, or an empty graph).
 */
import { ActionIcon, Alert, Button, Card, EmptyState, Group, Loader, Menu, Table, Text } from '@mantine/core';
import { IconAffiliate, IconDots, IconFileExport, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useExportStore } from '../exports/exportStore.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { useRouteStore } from '../stores/routeStore.ts';
import { useInvestigationStore } from './investigationStore.ts';

export function InvestigationList() {
  const { t, i18n } = useTranslation();
  const list = useKbQuery(() => knowledgeBase().listInvestigations({}), []);
  const open = useInvestigationStore((state) => state.open);
  const start = useInvestigationStore((state) => state.start);
  const [error, setError] = useState<string | null>(null);
  const date = (value: string) => new Date(value).toLocaleString(i18n.language);

  const guard = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      notifyKnowledgeChanged();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  const rename = (id: string, name: string) => {
    const next = window.prompt(t('investigate.renamePrompt'), name)?.trim();
    if (next && next !== name) void guard(() => knowledgeBase().renameInvestigation({ id, name: next }));
  };
  const remove = (id: string, name: string) => {
    if (window.confirm(t('investigate.deleteConfirm', { name }))) void guard(() => knowledgeBase().deleteInvestigation({ id }));
  };
  const exportIt = (id: string, name: string) => {
    useExportStore.getState().setScope({ ids: [], label: t('investigate.exportScope', { name }), includeContents: false, investigationId: id });
    useRouteStore.getState().navigate('export');
  };
  const startEmpty = () => void start({ nodes: [], edges: [], truncated: false }, t('investigate.untitled'));

  if (list.loading && !list.data) return <Loader size="sm" />;
  if (list.error) return <Alert color="red">{t('kb.error', { message: list.error.message })}</Alert>;
  const rows = list.data ?? [];

  return (
    <>
      {error && (
        <Alert color="red" mb="sm" withCloseButton onClose={() => setError(null)} role="alert">
          {error}
        </Alert>
      )}
      {rows.length === 0 ? (
        <Card withBorder radius="lg" padding="xl" maw={760} data-testid="investigations-empty">
          <EmptyState align="left" variant="light" size="lg" icon={<IconAffiliate size={30} stroke={1.5} />} title={t('investigate.emptyTitle')} description={t('investigate.emptyBody')}>
            <EmptyState.Actions>
              <Button leftSection={<IconPlus size={16} />} onClick={startEmpty} data-testid="investigation-new">
                {t('investigate.new')}
              </Button>
              <Button variant="default" component="a" href="#/knowledge">
                {t('investigate.browseKnowledge')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Card>
      ) : (
        <>
          <Group justify="flex-end" mb="sm">
            <Button leftSection={<IconPlus size={16} />} onClick={startEmpty} data-testid="investigation-new">
              {t('investigate.new')}
            </Button>
          </Group>
          <Table highlightOnHover data-testid="investigations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('investigate.name')}</Table.Th>
                <Table.Th ta="right">{t('investigate.nodes')}</Table.Th>
                <Table.Th>{t('investigate.modified')}</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} data-testid="investigation-row">
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => void open(row.id)} data-testid="investigation-open">
                      {row.name}
                    </Button>
                  </Table.Td>
                  <Table.Td ta="right">{row.nodeCount.toLocaleString()}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{date(row.modified)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <ActionIcon variant="subtle" aria-label={t('investigate.actions', { name: row.name })}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => rename(row.id, row.name)}>
                          {t('investigate.rename')}
                        </Menu.Item>
                        <Menu.Item leftSection={<IconFileExport size={14} />} onClick={() => exportIt(row.id, row.name)} data-testid="investigation-export-stix">
                          {t('investigate.exportStix')}
                        </Menu.Item>
                        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => remove(row.id, row.name)}>
                          {t('investigate.delete')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </>
  );
}
