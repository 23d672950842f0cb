/**
 * What a published collection shows, in words: a report or an investigation by its name,
 * never a bare id (DESIGN: every view speaks in names).
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CollectionView } from '../../../core/localApi/protocol.ts';
import type { TlpLevel } from '../../../core/stix/markings.ts';
import { knowledgeBase } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { useObjectName } from '../knowledge/objectNames.ts';

export const tlpName = (level: TlpLevel): string => `TLP:${level.toUpperCase()}`;

/** The saved investigations, for naming and picking them (one read per card, refreshed on change). */
export function useInvestigations() {
  return useKbQuery(() => knowledgeBase().listInvestigations({}), []);
}

function ReportName({ id }: { id: string }) {
  const { t } = useTranslation();
  const name = useObjectName(id);
  if (name === undefined) return <>{t('taxiiServe.collections.views.reading')}</>;
  return <>{name.found && name.name !== null ? t('taxiiServe.collections.views.report', { name: name.name }) : t('taxiiServe.collections.views.missingReport')}</>;
}

function InvestigationName({ id }: { id: string }) {
  const { t } = useTranslation();
  const listed = useInvestigations();
  if (listed.data === undefined) return <>{t('taxiiServe.collections.views.reading')}</>;
  const found = listed.data.find((investigation) => investigation.id === id);
  return <>{found ? t('taxiiServe.collections.views.investigation', { name: found.name }) : t('taxiiServe.collections.views.missingInvestigation')}</>;
}

export function ViewSummary({ view, maxTlp }: { view: CollectionView; maxTlp: TlpLevel }) {
  const { t } = useTranslation();
  const words = (() => {
    switch (view.kind) {
      case 'all':
        return t('taxiiServe.collections.views.all', { tlp: tlpName(maxTlp) });
      case 'investigation':
        return <InvestigationName id={view.id} />;
      case 'report':
        return <ReportName id={view.id} />;
      case 'label':
        return t('taxiiServe.collections.views.label', { name: view.label });
      case 'inbox':
        return t('taxiiServe.collections.views.inbox');
    }
  })();
  return <Text size="sm">{words}</Text>;
}
