import { Button, Card, EmptyState, Group } from '@mantine/core';
import { IconDatabaseImport, IconPlugConnected, IconRadar2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.dashboard.title')} description={t('pages.dashboard.description')} />
      <Card withBorder radius="lg" padding="xl" maw={760}>
        <EmptyState
          align="left"
          variant="light"
          size="lg"
          icon={<IconRadar2 size={30} stroke={1.5} />}
          title={t('pages.dashboard.emptyTitle')}
          description={t('pages.dashboard.emptyBody')}
        >
          <EmptyState.Actions>
            <Group>
              <Button component="a" href="#/import" leftSection={<IconDatabaseImport size={16} />}>
                {t('pages.dashboard.importAction')}
              </Button>
              <Button component="a" href="#/connectors" variant="default" leftSection={<IconPlugConnected size={16} />}>
                {t('pages.dashboard.connectorsAction')}
              </Button>
            </Group>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
    </>
  );
}
