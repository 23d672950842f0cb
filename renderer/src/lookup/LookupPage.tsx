/**
 * Look up a list (issue 21, point 1): "which of these do we already know — from where,
 * since when, and is it still live?", asked of a list pasted from a ticket, a chat or an
 * alert. Reached from the header's Look up button, the navigation and Ctrl+Shift+L.
 */
import { Alert, Card, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconListSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../pages/PageHeader.tsx';
import { LookupInput } from './LookupInput.tsx';
import { LookupResults } from './LookupResults.tsx';
import { useLookupStore } from './lookupStore.ts';

function Empty() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="xl" data-testid="lookup-empty">
      <Stack align="center" gap="xs" maw={640} mx="auto" ta="center">
        <ThemeIcon variant="light" size={48} radius="xl">
          <IconListSearch size={26} />
        </ThemeIcon>
        <Title order={3} size="h4">
          {t('lookup.emptyTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('lookup.emptyBody')}
        </Text>
      </Stack>
    </Card>
  );
}

function Status() {
  const { t } = useTranslation();
  const status = useLookupStore((state) => state.status);
  const done = useLookupStore((state) => state.done);
  const total = useLookupStore((state) => state.total);
  const error = useLookupStore((state) => state.error);
  const rows = useLookupStore((state) => state.rows.length);
  if (status === 'idle') return <Empty />;
  if (status === 'failed') return <Alert color="red" variant="light">{t('lookup.failed', { message: error ?? '' })}</Alert>;
  if (status === 'finding' || status === 'asking') {
    return (
      <Stack gap={4} role="status" data-testid="lookup-progress" data-phase={status}>
        <Text size="sm">{status === 'finding' ? t('lookup.finding') : t('lookup.asking', { done, total })}</Text>
        <Progress value={status === 'finding' || total === 0 ? 5 : (100 * done) / total} animated />
      </Stack>
    );
  }
  if (rows === 0) return <Alert variant="light" data-testid="lookup-none">{t('lookup.noValues')}</Alert>;
  return <LookupResults />;
}

export function LookupPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.lookup.title')} description={t('pages.lookup.description')} />
      <Stack gap="md">
        <LookupInput />
        <Status />
      </Stack>
    </>
  );
}
