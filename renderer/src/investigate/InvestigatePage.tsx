/** The Investigate page: the saved investigations, or the open one's workbench. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../pages/PageHeader.tsx';
import { InvestigationList } from './InvestigationList.tsx';
import { useInvestigationStore } from './investigationStore.ts';
import { Workbench } from './Workbench.tsx';

export function InvestigatePage() {
  const { t } = useTranslation();
  const open = useInvestigationStore((state) => state.meta !== null);
  if (open) return <Workbench />;
  return (
    <>
      <PageHeader title={t('pages.investigate.title')} description={t('pages.investigate.description')} />
      <InvestigationList />
    </>
  );
}
