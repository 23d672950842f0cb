/**
 * The detail view of any object, in a drawer over the current page: its properties in a
 * readable form, relationships both ways, external references, provenance and raw STIX.
 */
import { ActionIcon, Alert, Anchor, Badge, Button, Code, CopyButton, Drawer, Group, Loader, ScrollArea, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconAffiliate, IconArrowUpRight, IconCheck, IconCopy, IconExternalLink, IconFileExport, IconSparkles } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { isScoType } from '../../../core/stix/model/categories.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { CurationActions } from '../curation/CurationActions.tsx';
import { useEnrichStore } from '../enrich/enrichStore.ts';
import { knowledgeBase } from '../kb/client.ts';
import type { ObjectDetail as Detail } from '../kb/queries/detail.ts';
import type { GraphEdge } from '../kb/queries/graph.ts';
import type { ObjectSummary } from '../kb/queries/summary.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { useExportStore } from '../exports/exportStore.ts';
import { investigate } from '../investigate/investigate.ts';
import { useRouteStore } from '../stores/routeStore.ts';
import { useSelectionStore } from '../stores/selectionStore.ts';
import { openExternal } from './openExternal.ts';
import { ProvenanceTab } from './ProvenanceTab.tsx';
import { CurrentVersionLine, HistoryTab } from '../versions/HistoryTab.tsx';
import { RevokeDeleteActions } from '../versions/RevokeDeleteActions.tsx';
import { UndoBar } from '../versions/UndoBar.tsx';
import { TlpBadge } from './TlpBadge.tsx';
import { TypeIcon, TypeLabel, useTypeName } from './TypeLabel.tsx';
import { PropertiesTable } from '../entity/PropertiesTable.tsx';
import { openObjectPage } from './ObjectRef.tsx';

// The Markdown renderer is large; it loads the first time a description is shown.
const Markdown = lazy(() => import('./Markdown.tsx').then((module) => ({ default: module.Markdown })));

const HIDDEN = new Set(['type', 'id', 'name', 'description', 'external_references', 'spec_version']);

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function Properties({ stix }: { stix: JsonObject }) {
  return <PropertiesTable stix={stix} hidden={HIDDEN} />;
}

function EdgeList({ edges, nodes, self, direction }: { edges: GraphEdge[]; nodes: Map<string, ObjectSummary>; self: string; direction: 'outgoing' | 'incoming' }) {
  const { t } = useTranslation();
  const openDetail = useSelectionStore((state) => state.openDetail);
  const typeName = useTypeName();
  const mine = edges.filter((edge) => (direction === 'outgoing' ? edge.source === self : edge.target === self));
  return (
    <Stack gap={4}>
      {mine.map((edge) => {
        const other = nodes.get(direction === 'outgoing' ? edge.target : edge.source);
        if (!other) return null;
        return (
          <Group key={edge.id + direction} gap="sm" wrap="nowrap" data-testid="detail-edge">
            <Badge variant="outline" radius="sm" w={150} style={{ flexShrink: 0 }}>
              {edge.label}
            </Badge>
            <TypeIcon type={other.type} size={20} />
            <Anchor size="sm" onClick={() => openDetail(other.id)} truncate>
              {other.name === other.id ? t('entity.ref.unnamed', { type: typeName(other.type) }) : other.name}
            </Anchor>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {typeName(other.type)}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/**
 * `inGraph`: shown in the workbench's side panel, where "Investigate" would leave the graph;
 * `onEnriched` then brings what an enrichment added into the graph.
 */
export function DetailBody({ detail, inGraph = false, onEnriched }: { detail: Detail; inGraph?: boolean; onEnriched?: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const closeDetail = useSelectionStore((state) => state.closeDetail);
  const { stix, summary } = detail;
  const description = typeof stix['description'] === 'string' ? stix['description'] : '';
  const references = Array.isArray(stix['external_references']) ? (stix['external_references'] as JsonObject[]) : [];
  const nodes = new Map(detail.related.nodes.map((node) => [node.id, node]));
  const date = (value: string) => new Date(value).toLocaleString(i18n.language);

  const exportThis = () => {
    useExportStore.getState().setScope({ ids: [summary.id], label: summary.name, includeContents: true });
    closeDetail();
    useRouteStore.getState().navigate('export');
  };

  const enriching = useEnrichStore((state) => state.running);
  const enrichThis = () => {
    void useEnrichStore.getState().start([summary.id], () => onEnriched?.(summary.id));
  };

  const investigateThis = () => {
    closeDetail();
    void investigate([summary.id], summary.name);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap={inGraph ? "wrap" : "nowrap"}>
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <TypeIcon type={summary.type} size={40} />
          <div style={{ minWidth: 0 }}>
            <Title order={3} data-testid="detail-title" style={{ wordBreak: 'break-word' }}>
              {summary.name}
            </Title>
            <Group gap="xs">
              <TypeLabel type={summary.type} kind={summary.kind} />
              <TlpBadge level={summary.tlp} />
              {summary.revoked && <Badge color="gray">revoked</Badge>}
            </Group>
            <CurrentVersionLine id={summary.id} date={date} />
          </div>
        </Group>
        {/* The actions wrap rather than squeeze the title: there are up to eight of them. */}
        <Group gap={4} wrap="wrap" justify="flex-end" style={{ flexShrink: 1 }}>
          <CopyButton value={summary.id}>
            {({ copied, copy }) => (
              <Tooltip label={summary.id}>
                <ActionIcon variant="subtle" onClick={copy} aria-label={t('kb.detail.copyId')}>
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
          <Button variant="light" size="xs" leftSection={<IconArrowUpRight size={14} />} onClick={() => openObjectPage(summary.id)} data-testid="detail-open-page">
            {t('entity.page.openPage')}
          </Button>
          <CurationActions stix={stix} name={summary.name} />
          {isScoType(summary.type) && (
            <Button variant="subtle" size="xs" leftSection={<IconSparkles size={14} />} onClick={enrichThis} disabled={enriching} data-testid="detail-enrich">
              {t('enrich.action')}
            </Button>
          )}
          {!inGraph && (
            <Button variant="subtle" size="xs" leftSection={<IconAffiliate size={14} />} onClick={investigateThis} data-testid="detail-investigate">
              {t('kb.detail.investigate')}
            </Button>
          )}
          <Button variant="subtle" size="xs" leftSection={<IconFileExport size={14} />} onClick={exportThis} data-testid="detail-export">
            {t('kb.detail.export')}
          </Button>
          <RevokeDeleteActions summary={summary} onDeleted={closeDetail} />
        </Group>
      </Group>
      <UndoBar />
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('kb.detail.overview')}</Tabs.Tab>
          <Tabs.Tab value="relationships" data-testid="tab-relationships">
            {t('kb.detail.relationships')} ({detail.related.edges.length}{detail.related.truncated ? '+' : ''})
          </Tabs.Tab>
          <Tabs.Tab value="references">
            {t('kb.detail.references')} ({references.length})
          </Tabs.Tab>
          <Tabs.Tab value="provenance">{t('kb.detail.provenance')}</Tabs.Tab>
          <Tabs.Tab value="history" data-testid="history-tab">{t('versions.history.tab')}</Tabs.Tab>
          <Tabs.Tab value="raw">{t('kb.detail.raw')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Title order={4} size="h6" mb="xs">
            {t('kb.detail.description')}
          </Title>
          {description ? (
            <Suspense fallback={<Text style={{ whiteSpace: 'pre-wrap' }}>{description}</Text>}>
              <Markdown text={description} />
            </Suspense>
          ) : (
            <Text c="dimmed">{t('kb.detail.noDescription')}</Text>
          )}
          <Title order={4} size="h6" mt="md" mb="xs">
            {t('kb.detail.properties')}
          </Title>
          <Properties stix={stix} />
        </Tabs.Panel>
        <Tabs.Panel value="relationships" pt="md">
          {/* The quick look reads one bounded slice; the page's Knowledge tab pages through all of them. */}
          {detail.related.truncated && (
            <Alert color="blue" mb="sm" data-testid="detail-relationships-cut">
              {t('entity.page.drawerCut', { count: detail.related.edges.length })}{' '}
              <Anchor size="sm" onClick={() => openObjectPage(summary.id, 'knowledge')}>
                {t('entity.page.openKnowledge')}
              </Anchor>
            </Alert>
          )}
          {detail.related.edges.length === 0 ? (
            <Text c="dimmed">{t('kb.detail.noRelationships')}</Text>
          ) : (
            <Stack>
              {(['outgoing', 'incoming'] as const)
                .filter((direction) => detail.related.edges.some((edge) => (direction === 'outgoing' ? edge.source : edge.target) === summary.id))
                .map((direction) => (
                  <Stack key={direction} gap="xs">
                    <Title order={4} size="h6">
                      {t(`kb.detail.${direction}`)}
                    </Title>
                    <EdgeList edges={detail.related.edges} nodes={nodes} self={summary.id} direction={direction} />
                  </Stack>
                ))}
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="references" pt="md">
          {references.length === 0 ? (
            <Text c="dimmed">{t('kb.detail.noReferences')}</Text>
          ) : (
            <Stack gap="xs">
              {references.map((reference, index) => {
                const url = typeof reference['url'] === 'string' ? reference['url'] : null;
                return (
                  <Group key={index} gap="sm" wrap="nowrap">
                    <Badge variant="light" radius="sm">
                      {textOf(reference['source_name'])}
                    </Badge>
                    <Text size="sm" fw={500}>
                      {textOf(reference['external_id']) || textOf(reference['description'])}
                    </Text>
                    {url && (
                      <Anchor size="sm" onClick={() => openExternal(url)} truncate title={t('kb.detail.openLink')}>
                        <Group gap={4} wrap="nowrap">
                          <IconExternalLink size={14} />
                          {url}
                        </Group>
                      </Anchor>
                    )}
                  </Group>
                );
              })}
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="provenance" pt="md">
          <ProvenanceTab detail={detail} date={date} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab id={summary.id} date={date} />
        </Tabs.Panel>
        <Tabs.Panel value="raw" pt="md">
          <Code block style={{ maxHeight: '60vh', overflow: 'auto' }}>
            {JSON.stringify(stix, null, 2)}
          </Code>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function ObjectDetailDrawer() {
  const { t } = useTranslation();
  const id = useSelectionStore((state) => state.detailId);
  const closeDetail = useSelectionStore((state) => state.closeDetail);
  const detail = useKbQuery(() => (id ? knowledgeBase().getObject({ id }) : Promise.resolve(null)), [id]);
  return (
    <Drawer opened={id !== null} onClose={closeDetail} position="right" size="xl" title={null} closeButtonProps={{ 'aria-label': t('kb.detail.close') }} scrollAreaComponent={ScrollArea.Autosize}>
      {detail.loading && !detail.data ? (
        <Loader />
      ) : detail.error ? (
        <Alert color="red">{t('kb.error', { message: detail.error.message })}</Alert>
      ) : detail.data ? (
        <DetailBody detail={detail.data} />
      ) : (
        <Text c="dimmed">{t('kb.detail.notFound')}</Text>
      )}
    </Drawer>
  );
}
