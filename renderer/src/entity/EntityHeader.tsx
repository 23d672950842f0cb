/**
 * The top of an object's page (issue 15): its type icon and name with the ATT&CK or CVE id
 * beside it, TLP and revoked badges, and the actions of the drawer (edit, new related,
 * enrich, investigate, export, revoke, delete).
 */
import { ActionIcon, Badge, Button, Group, Stack, Title, Tooltip } from '@mantine/core';
import { IconAffiliate, IconArrowLeft, IconFileExport, IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isScoType } from '../../../core/stix/model/categories.ts';
import { CurationActions } from '../curation/CurationActions.tsx';
import { useEnrichStore } from '../enrich/enrichStore.ts';
import { useExportStore } from '../exports/exportStore.ts';
import { investigate } from '../investigate/investigate.ts';
import type { ObjectDetail } from '../kb/queries/detail.ts';
import { knownExternalId } from '../kb/queries/names.ts';
import { useObjectName } from '../knowledge/ObjectRef.tsx';
import { TlpBadge } from '../knowledge/TlpBadge.tsx';
import { TypeIcon, TypeLabel, useTypeName } from '../knowledge/TypeLabel.tsx';
import { useRouteStore } from '../stores/routeStore.ts';
import { CurrentVersionLine } from '../versions/HistoryTab.tsx';
import { RevokeDeleteActions } from '../versions/RevokeDeleteActions.tsx';
import { WarninglistFlags } from '../warninglists/WarninglistFlags.tsx';

/** The name a page shows: never the id, which is what displayName falls back to. */
export function useEntityTitle(): (detail: ObjectDetail) => string {
  const { t } = useTranslation();
  const typeName = useTypeName();
  return (detail) => (detail.summary.name === detail.summary.id ? t('entity.ref.unnamed', { type: typeName(detail.summary.type, detail.summary.kind) }) : detail.summary.name);
}

export function EntityHeader({ detail, date }: { detail: ObjectDetail; date: (value: string) => string }) {
  const { t } = useTranslation();
  const { summary, stix } = detail;
  // A relationship's page is titled by its sentence (source → verb → target), as lists name it.
  const sentence = useObjectName(summary.id);
  const entityTitle = useEntityTitle();
  const title = summary.type === 'relationship' && sentence?.name ? sentence.name : entityTitle(detail);
  const externalId = knownExternalId(stix);
  const enriching = useEnrichStore((state) => state.running);

  const exportThis = () => {
    useExportStore.getState().setScope({ ids: [summary.id], label: title, includeContents: true });
    useRouteStore.getState().navigate('export');
  };
  const leave = () => {
    if (window.history.length > 1) window.history.back();
    else useRouteStore.getState().navigate('knowledge');
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Tooltip label={t('entity.page.back')}>
            <ActionIcon variant="subtle" onClick={leave} aria-label={t('entity.page.back')} data-testid="entity-back">
              <IconArrowLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <TypeIcon type={summary.type} size={40} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="sm" wrap="wrap" align="baseline">
              <Title order={2} data-testid="entity-title" style={{ wordBreak: 'break-word' }}>
                {title}
              </Title>
              {externalId && (
                <Badge size="lg" variant="outline" radius="sm" tt="none" title={t('entity.page.externalId')} data-testid="entity-external-id">
                  {externalId}
                </Badge>
              )}
            </Group>
            <Group gap="xs" data-testid="entity-type-line">
              <TypeLabel type={summary.type} kind={summary.kind} />
              <TlpBadge level={summary.tlp} />
              {summary.revoked && <Badge color="gray">{t('entity.facts.revoked')}</Badge>}
              <WarninglistFlags stix={stix} />
            </Group>
            <CurrentVersionLine id={summary.id} date={date} />
          </Stack>
        </Group>
        <Group gap={4} wrap="wrap" justify="flex-end">
          <CurationActions stix={stix} name={title} />
          {isScoType(summary.type) && (
            <Button variant="subtle" size="xs" leftSection={<IconSparkles size={14} />} onClick={() => void useEnrichStore.getState().start([summary.id], () => undefined)} disabled={enriching} data-testid="detail-enrich">
              {t('enrich.action')}
            </Button>
          )}
          <Button variant="subtle" size="xs" leftSection={<IconAffiliate size={14} />} onClick={() => void investigate([summary.id], title)} data-testid="detail-investigate">
            {t('kb.detail.investigate')}
          </Button>
          <Button variant="subtle" size="xs" leftSection={<IconFileExport size={14} />} onClick={exportThis} data-testid="detail-export">
            {t('kb.detail.export')}
          </Button>
          <RevokeDeleteActions summary={{ ...summary, name: title }} onDeleted={() => useRouteStore.getState().navigate('knowledge')} />
        </Group>
      </Group>
    </Stack>
  );
}
