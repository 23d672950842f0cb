/**
 * An object's own page (issue 15), at `#/object/<id>/<tab>`: what the drawer shows, as a
 * place with a route that back/forward and a copied link return to.
 */
import { Alert, Center, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { knowledgeBase } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { DetailBody } from '../knowledge/ObjectDetail.tsx';

export function EntityPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useKbQuery(() => knowledgeBase().getObject({ id }), [id]);
  if (detail.loading && !detail.data) {
    return (
      <Center h={200}>
        <Loader size="sm" aria-label={t('entity.ref.loading')} />
      </Center>
    );
  }
  if (detail.error) return <Alert color="red">{t('kb.error', { message: detail.error.message })}</Alert>;
  if (!detail.data) return <Text c="dimmed">{t('kb.detail.notFound')}</Text>;
  return <DetailBody detail={detail.data} />;
}
