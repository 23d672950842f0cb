/**
 * Settings → TAXII server (issue 18, point 2): turn Magpie's TAXII 2.1 server on, choose
 * how it listens, publish collections (views of the knowledge base), name clients with
 * their rights, and read who asked for what. main (main/taxiiServer/) does the serving.
 */
import { Alert, Button, Card, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientsSection } from './ClientsSection.tsx';
import { CollectionsSection } from './CollectionsSection.tsx';
import { RequestLog } from './RequestLog.tsx';
import { ServerSection } from './ServerSection.tsx';
import { useTaxiiServeStore } from './taxiiServeStore.ts';

export function TaxiiServeCard() {
  const { t } = useTranslation();
  const view = useTaxiiServeStore((state) => state.view);
  const loadError = useTaxiiServeStore((state) => state.loadError);
  const load = useTaxiiServeStore((state) => state.load);
  useEffect(() => void load(), [load]);
  return (
    <Card withBorder radius="lg" padding="lg" data-testid="taxii-serve">
      <Stack gap="md">
        <Title order={3} size="h5">{t('taxiiServe.title')}</Title>
        <Text size="sm" c="dimmed">{t('taxiiServe.body')}</Text>
        {loadError !== null && (
          <Alert color="red" role="alert">
            <Group justify="space-between">
              <Text size="sm">{t('taxiiServe.loadFailed', { message: loadError })}</Text>
              <Button size="xs" variant="white" color="red" onClick={() => void load()}>{t('taxiiServe.retry')}</Button>
            </Group>
          </Alert>
        )}
        {view === null ? (
          loadError === null && (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">{t('taxiiServe.loading')}</Text>
            </Group>
          )
        ) : (
          <>
            <ServerSection view={view} />
            <Divider />
            <CollectionsSection collections={view.collections} />
            <Divider />
            <ClientsSection clients={view.clients} collections={view.collections} />
            <Divider />
            <RequestLog />
          </>
        )}
      </Stack>
    </Card>
  );
}
