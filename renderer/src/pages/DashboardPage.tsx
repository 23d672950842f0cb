import { Alert, Anchor, Badge, Button, Card, EmptyState, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconDatabaseImport, IconPlugConnected, IconRadar2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase } from '../kb/client.ts';
import type { KbStats } from '../kb/queries/stats.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { TypeIcon, useTypeName } from '../knowledge/TypeLabel.tsx';
import { useImportSummary } from '../imports/useImportSummary.ts';
import { MorningCards } from './MorningCards.tsx';
import { PageHeader } from './PageHeader.tsx';

function EmptyDashboard() {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="lg" padding="xl" maw={760}>
      <EmptyState align="left" variant="light" size="lg" icon={<IconRadar2 size={30} stroke={1.5} />} title={t('pages.dashboard.emptyTitle')} description={t('pages.dashboard.emptyBody')}>
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
  );
}

/** Objects per month as a bar chart in plain SVG: no chart library, no HTML from data. */
function MonthChart({ months }: { months: [string, number][] }) {
  const recent = months.slice(-36);
  const max = Math.max(1, ...recent.map(([, count]) => count));
  const width = 720;
  const height = 160;
  const bar = width / Math.max(recent.length, 1);
  return (
    <svg viewBox={`0 0 ${width} ${height + 20}`} width="100%" role="img" aria-label={recent.map(([month, count]) => `${month}: ${count}`).join(', ')}>
      {recent.map(([month, count], index) => {
        const h = Math.max(2, (count / max) * height);
        return (
          <g key={month}>
            <title>{`${month}: ${count.toLocaleString()}`}</title>
            <rect x={index * bar + 2} y={height - h} width={Math.max(bar - 4, 1)} height={h} rx={2} fill="var(--mantine-color-indigo-5)" />
            {index % 6 === 0 && (
              <text x={index * bar + 2} y={height + 14} fontSize="10" fill="var(--mantine-color-dimmed)">
                {month}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** A titled card of the dashboard. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md">
      <Title order={4} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Overview({ stats }: { stats: KbStats }) {
  const { t, i18n } = useTranslation();
  const typeName = useTypeName();
  const summary = useImportSummary();
  const types = Object.entries(stats.byType).sort((a, b) => b[1] - a[1]);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Card withBorder radius="md">
          <Text size="sm" c="dimmed">
            {t('dashboard.total')}
          </Text>
          <Title order={3} data-testid="dashboard-total">
            {stats.total.toLocaleString(i18n.language)}
          </Title>
        </Card>
        <Card withBorder radius="md">
          <Text size="sm" c="dimmed">
            {t('dashboard.quarantined')}
          </Text>
          <Title order={3}>
            <Anchor href="#/import" inherit>
              {stats.quarantined.toLocaleString(i18n.language)}
            </Anchor>
          </Title>
        </Card>
      </SimpleGrid>
      <MorningCards />
      <Section title={t('dashboard.byType')}>
        <Group gap="xs">
          {types.map(([type, count]) => (
            <Tooltip key={type} label={type}>
              <Badge size="lg" variant="light" color="gray" leftSection={<TypeIcon type={type} size={18} />} data-testid={`count-${type}`}>
                {typeName(type)} · {count.toLocaleString(i18n.language)}
              </Badge>
            </Tooltip>
          ))}
        </Group>
      </Section>
      <Section title={t('dashboard.overTime')}>
        <MonthChart months={stats.byMonth} />
      </Section>
      <Section title={t('dashboard.recent')}>
        <Stack gap={6}>
          {stats.recentSources.map((source) => (
            <Group key={source.id} justify="space-between" wrap="nowrap">
              <Text size="sm" fw={500} truncate style={{ minWidth: 0 }}>
                {source.name}
              </Text>
              <Text size="sm" c="dimmed">
                {summary({ objects: source.committedObjects, counts: source.counts, warnings: source.warnings })} · {new Date(source.lastImportedAt).toLocaleString(i18n.language)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Section>
    </Stack>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const stats = useKbQuery(() => knowledgeBase().stats({}), []);
  return (
    <>
      <PageHeader title={t('pages.dashboard.title')} description={t('pages.dashboard.description')} />
      {stats.error ? (
        <Alert color="red">{t('kb.error', { message: stats.error.message })}</Alert>
      ) : stats.data && stats.data.total > 0 ? (
        <Overview stats={stats.data} />
      ) : stats.data ? (
        <EmptyDashboard />
      ) : null}
    </>
  );
}
