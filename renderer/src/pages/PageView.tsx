import { ExportPage } from '../exports/ExportPage.tsx';
import { ImportPage } from '../imports/ImportPage.tsx';
import { pageEntry, type PageId } from '../shell/pages.ts';
import { DashboardPage } from './DashboardPage.tsx';
import { KnowledgeListPage } from './KnowledgePages.tsx';
import { PlaceholderPage } from './PlaceholderPage.tsx';
import { SettingsPage } from './SettingsPage.tsx';

export function PageView({ page }: { page: PageId }) {
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
    case 'settings':
      return <SettingsPage />;
    default: {
      const entry = { ...pageEntry(page), id: page };
      return entry.arrivesWith ? <PlaceholderPage page={entry} milestone={entry.arrivesWith} /> : null;
    }
  }
}
