/** The Knowledge, Observables and Reports pages: one browser over different STIX types. */
import { useTranslation } from 'react-i18next';
import { NewObjectButton } from '../curation/NewObjectButton.tsx';
import { ObjectBrowser } from '../knowledge/ObjectBrowser.tsx';
import { containerTypes, knowledgeTypes, observableTypes } from '../knowledge/stixTypes.ts';
import { PageHeader } from './PageHeader.tsx';

const typesByPage = { knowledge: knowledgeTypes, observables: observableTypes, reports: containerTypes } as const;

export function KnowledgeListPage({ page }: { page: keyof typeof typesByPage }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`pages.${page}.title`)} description={t(`pages.${page}.description`)} actions={<NewObjectButton offer={page} />} />
      <ObjectBrowser key={page} types={typesByPage[page]} label={t(`pages.${page}.title`)} withCustomTypes={page === 'knowledge'} />
    </>
  );
}
