import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageId } from '../shell/pages.ts';
import { DashboardPage } from './DashboardPage.tsx';
import { KnowledgeListPage } from './KnowledgePages.tsx';
import { PageHeader } from './PageHeader.tsx';

// Pages that pull in large code (the extraction engine, pdf.js, lists) load on first visit,
// so the window's first paint does not wait for them.
const ImportPage = lazy(() => import('../imports/ImportPage.tsx').then((module) => ({ default: module.ImportPage })));
const ExportPage = lazy(() => import('../exports/ExportPage.tsx').then((module) => ({ default: module.ExportPage })));
const ConnectorsPage = lazy(() => import('../connectors/ConnectorsPage.tsx').then((module) => ({ default: module.ConnectorsPage })));
const StreamsPage = lazy(() => import('../streams/StreamsPage.tsx').then((module) => ({ default: module.StreamsPage })));
const InvestigatePage = lazy(() => import('../investigate/InvestigatePage.tsx').then((module) => ({ default: module.InvestigatePage })));
const LookupPage = lazy(() => import('../lookup/LookupPage.tsx').then((module) => ({ default: module.LookupPage })));
const TrashPage = lazy(() => import('../trash/TrashPage.tsx').then((module) => ({ default: module.TrashPage })));
const SettingsPage = lazy(() => import('./SettingsPage.tsx').then((module) => ({ default: module.SettingsPage })));

function Page({ page }: { page: PageId }) {
  switch (page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'knowledge':
    case 'observables':
    case 'reports':
      return <KnowledgeListPage page={page} />;
    case 'import':
      return <ImportPage />;
    case 'export':
      return <ExportPage />;
    case 'connectors':
      return <ConnectorsPage />;
    case 'streams':
      return <StreamsPage />;
    case 'investigate':
      return <InvestigatePage />;
    case 'lookup':
      return <LookupPage />;
    case 'trash':
      return <TrashPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** While a page's code loads, its title is already there: the analyst sees where they are. */
function Loading({ page }: { page: PageId }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`pages.${page}.title`)} description={t(`pages.${page}.description`)} />
      <Center h={200}>
        <Loader size="sm" aria-label={t('pages.loading')} />
      </Center>
    </>
  );
}

export function PageView({ page }: { page: PageId }) {
  return (
    // Keyed by page: the previous page unmounts at once instead of lingering hidden while this one loads.
    <Suspense key={page} fallback={<Loading page={page} />}>
      <Page page={page} />
    </Suspense>
  );
}
