/**
 * A page whose feature has not arrived yet: it says what the page will do and which
 * milestone brings it, and shows no invented data.
 */
import { Badge, Card, EmptyState, List, ThemeIcon } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Milestone, PageEntry } from '../shell/pages.ts';
import { PageHeader } from './PageHeader.tsx';

type PlaceholderId = 'investigate' | 'connectors';

export function PlaceholderPage({ page, milestone }: { page: PageEntry & { id: PlaceholderId }; milestone: Milestone }) {
  const { t } = useTranslation();
  const Icon = page.icon;
  const features = t(`pages.${page.id}.features`, { returnObjects: true });
  return (
    <>
      <PageHeader title={t(`pages.${page.id}.title`)} description={t(`pages.${page.id}.description`)} />
      <Card withBorder radius="lg" padding="xl" maw={760} data-testid="placeholder">
        <EmptyState
          align="left"
          variant="light"
          size="lg"
          icon={<Icon size={30} stroke={1.5} />}
          title={
            <Badge variant="light" size="lg" radius="sm" data-testid="arrives-with">
              {t('arrivesWith', { milestone: t(`milestones.${milestone}`) })}
            </Badge>
          }
          description={
            <List
              spacing="sm"
              mt="xs"
              icon={
                <ThemeIcon size={20} radius="xl" variant="light">
                  <IconCheck size={13} stroke={2} />
                </ThemeIcon>
              }
            >
              {features.map((feature) => (
                <List.Item key={feature}>{feature}</List.Item>
              ))}
            </List>
          }
        />
      </Card>
    </>
  );
}
