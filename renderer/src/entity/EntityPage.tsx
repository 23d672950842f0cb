/**
 * An object's own page (issue 15), at `#/object/<id>/<tab>`: tabs as OpenCTI arranges them
 * (Overview, Knowledge, Contents, Analyses, Indicators, Observables, Sightings, Matrix,
 * External references, Provenance, History, STIX JSON), each a route that back/forward
 * and a copied link return to. Ids appear only on the STIX JSON tab.
 */
import { Alert, Badge, Center, Loader, Stack, Tabs, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntrusionSet } from '../../../core/stix/model/types.ts';
import { knowledgeBase } from '../kb/client.ts';
import type { ObjectDetail } from '../kb/queries/detail.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { ProvenanceTab } from '../knowledge/ProvenanceTab.tsx';
import { useRouteStore } from '../stores/routeStore.ts';
import { HistoryTab } from '../versions/HistoryTab.tsx';
import { UndoBar } from '../versions/UndoBar.tsx';
import { ContentsTab } from './ContentsTab.tsx';
import { EntityHeader } from './EntityHeader.tsx';
import { isEntityTab, linkViews, tabsFor, type EntityTab } from './entityTabs.ts';
import { LinksTab } from './LinksTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { ReferencesTab } from './ReferencesTab.tsx';
import { StixTab } from './StixTab.tsx';

// ── Matrix tab slot (issue 15 point 4, part B): renderer/src/attack/ObjectMatrix.tsx, loaded on first use.
const ObjectMatrix = lazy(() => import('../attack/ObjectMatrix.tsx').then((module) => ({ default: module.ObjectMatrix })));

function TabBody({ tab, detail, date }: { tab: EntityTab; detail: ObjectDetail; date: (value: string) => string }) {
  const { t } = useTranslation();
  const id = detail.summary.id;
  const view = linkViews[tab];
  if (view) return <LinksTab id={id} view={view} date={date} />;
  switch (tab) {
    case 'overview':
      return <OverviewTab detail={detail} date={date} hasContentsTab={tabsFor(detail.summary.type).includes('contents')} />;
    case 'contents':
      return <ContentsTab detail={detail} />;
    case 'matrix':
      return (
        <Suspense fallback={<Loader size="sm" aria-label={t('entity.page.loadingMatrix')} />}>
          <ObjectMatrix objectId={id} />
        </Suspense>
      );
    case 'references': {
      const stix = detail.stix as IntrusionSet;
      return <ReferencesTab references={Array.isArray(stix.external_references) ? stix.external_references : []} />;
    }
    case 'provenance':
      return <ProvenanceTab detail={detail} date={date} />;
    case 'history':
      return <HistoryTab id={id} date={date} />;
    case 'stix':
      return <StixTab stix={detail.stix} />;
    default:
      return null;
  }
}

function EntityTabs({ detail, date }: { detail: ObjectDetail; date: (value: string) => string }) {
  const { t } = useTranslation();
  const routeTab = useRouteStore((state) => state.object?.tab ?? null);
  const showTab = useRouteStore((state) => state.showTab);
  const tabs = tabsFor(detail.summary.type);
  const tab: EntityTab = isEntityTab(routeTab) && tabs.includes(routeTab) ? routeTab : 'overview';
  const counts = useKbQuery(() => knowledgeBase().entityLinkCounts({ id: detail.summary.id }), [detail.summary.id]);
  const references = (detail.stix as IntrusionSet).external_references;
  const countOf = (entry: EntityTab): number | null => {
    const view = linkViews[entry];
    if (view) return counts.data?.[view] ?? null;
    if (entry === 'references') return Array.isArray(references) ? references.length : 0;
    return null;
  };
  return (
    <Tabs value={tab} onChange={(value) => value && showTab(value)} keepMounted={false}>
      <Tabs.List aria-label={t('entity.tabs.label')}>
        {tabs.map((entry) => {
          const count = countOf(entry);
          return (
            <Tabs.Tab key={entry} value={entry} data-testid={`entity-tab-${entry}`} rightSection={count !== null ? <Badge size="xs" variant="light" radius="sm">{count}</Badge> : undefined}>
              {entry === 'stix' ? t('kb.detail.raw') : t(`entity.tabs.${entry}`)}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      <Tabs.Panel value={tab} pt="md" data-testid="entity-panel" data-tab={tab} className="entity-panel">
        <TabBody tab={tab} detail={detail} date={date} />
      </Tabs.Panel>
    </Tabs>
  );
}

export function EntityPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const detail = useKbQuery(() => knowledgeBase().getObject({ id }), [id]);
  const date = (value: string) => new Date(value).toLocaleString(i18n.language);
  if (detail.loading && !detail.data) {
    return (
      <Center h={200}>
        <Loader size="sm" aria-label={t('entity.ref.loading')} />
      </Center>
    );
  }
  if (detail.error) return <Alert color="red">{t('kb.error', { message: detail.error.message })}</Alert>;
  if (!detail.data) return <Text c="dimmed">{t('entity.page.notFound')}</Text>;
  return (
    <Stack gap="md" data-testid="entity-page">
      <EntityHeader detail={detail.data} date={date} />
      <UndoBar />
      <EntityTabs detail={detail.data} date={date} />
    </Stack>
  );
}
