/**
 * The dashboard's morning read (issue 15, point 6): latest reports, newest indicators and
 * their validity, the intrusion sets and malware most recently active, and the sectors and
 * countries most targeted. Every entry is an ObjectRef (name, links to its page); a card
 * with nothing to show says what to import to fill it.
 */
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase } from '../kb/client.ts';
import type { ActiveThreat, KbDashboard, NewIndicator, TargetedEntity } from '../kb/queries/dashboard.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { ObjectRef } from '../knowledge/ObjectRef.tsx';

function useDate(): (iso: string | null) => string {
  const { i18n } = useTranslation();
  return (iso) => (iso ? new Date(iso).toLocaleDateString(i18n.language, { year: 'numeric', month: 'short', day: 'numeric' }) : '—');
}

/** One card: a title, its rows or the sentence that says what would fill it, and a note when the window was cut. */
function MorningCard({ title, testId, empty, note, children }: { title: string; testId: string; empty: string | null; note?: string | null; children: ReactNode }) {
  return (
    <Card withBorder radius="md" data-testid={testId} style={{ minWidth: 0 }}>
      <Title order={4} size="h5" mb="sm">
        {title}
      </Title>
      {empty !== null ? (
        <Text size="sm" c="dimmed" data-testid={`${testId}-empty`}>
          {empty}
        </Text>
      ) : (
        <Stack gap={8}>{children}</Stack>
      )}
      {note && (
        <Text size="xs" c="dimmed" mt="sm">
          {note}
        </Text>
      )}
    </Card>
  );
}

/** A row: the reference on the left (shrinks and truncates), the figure on the right (never wraps under it). */
function Row({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="morning-row">
      <div style={{ minWidth: 0, flex: 1, overflow: 'hidden' }}>
        <ObjectRef id={id} />
      </div>
      <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
        {children}
      </Group>
    </Group>
  );
}

function Validity({ indicator }: { indicator: NewIndicator }) {
  const { t } = useTranslation();
  const date = useDate();
  if (indicator.revoked) return <Badge color="gray" variant="light">{t('dashboard.morning.revoked')}</Badge>;
  if (indicator.expired)
    return (
      <Badge color="red" variant="light" data-testid="indicator-expired">
        {t('dashboard.morning.expiredOn', { date: date(indicator.validUntil) })}
      </Badge>
    );
  return (
    <Text size="xs" c="dimmed">
      {indicator.validUntil ? t('dashboard.morning.validRange', { from: date(indicator.validFrom), until: date(indicator.validUntil) }) : t('dashboard.morning.validFrom', { from: date(indicator.validFrom) })}
    </Text>
  );
}

function Activity({ entry }: { entry: ActiveThreat }) {
  const { t } = useTranslation();
  const date = useDate();
  const parts = [entry.reports > 0 ? t('dashboard.morning.inReports', { count: entry.reports }) : null, entry.sightings > 0 ? t('dashboard.morning.sightings', { count: entry.sightings }) : null].filter(Boolean);
  return (
    <Text size="xs" c="dimmed">
      {parts.join(t('dashboard.morning.separator'))} · {date(entry.lastActive)}
    </Text>
  );
}

function Targets({ rows }: { rows: TargetedEntity[] }) {
  const { t } = useTranslation();
  return rows.map((row) => (
    <Row key={row.id} id={row.id}>
      <Text size="xs" c="dimmed">
        {t('dashboard.morning.attackers', { count: row.attackers })}
      </Text>
    </Row>
  ));
}

function Cards({ view }: { view: KbDashboard }) {
  const { t, i18n } = useTranslation();
  const date = useDate();
  const windows = { reports: view.windows.reports.toLocaleString(i18n.language), sightings: view.windows.sightings.toLocaleString(i18n.language) };
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} data-testid="morning">
      <MorningCard title={t('dashboard.morning.reports')} testId="latest-reports" empty={view.reports.length === 0 ? t('dashboard.morning.reportsEmpty') : null} note={view.cut.reports ? t('dashboard.morning.reportsCut', windows) : null}>
        {view.reports.map((report) => (
          <Row key={report.id} id={report.id}>
            <Text size="xs" c="dimmed">
              {date(report.published)}
            </Text>
          </Row>
        ))}
      </MorningCard>
      <MorningCard title={t('dashboard.morning.indicators')} testId="newest-indicators" empty={view.indicators.length === 0 ? t('dashboard.morning.indicatorsEmpty') : null}>
        {view.indicators.map((indicator) => (
          <Row key={indicator.id} id={indicator.id}>
            <Validity indicator={indicator} />
          </Row>
        ))}
      </MorningCard>
      <MorningCard
        title={t('dashboard.morning.active')}
        testId="active-threats"
        empty={view.active.length === 0 ? t('dashboard.morning.activeEmpty') : null}
        note={view.cut.reports || view.cut.sightings ? t('dashboard.morning.activeCut', windows) : null}
      >
        {view.active.map((entry) => (
          <Row key={entry.id} id={entry.id}>
            <Activity entry={entry} />
          </Row>
        ))}
      </MorningCard>
      <MorningCard title={t('dashboard.morning.sectors')} testId="targeted-sectors" empty={view.sectors.length === 0 ? t('dashboard.morning.sectorsEmpty') : null} note={view.cut.targets ? t('dashboard.morning.targetsCut') : null}>
        <Targets rows={view.sectors} />
      </MorningCard>
      <MorningCard title={t('dashboard.morning.countries')} testId="targeted-countries" empty={view.countries.length === 0 ? t('dashboard.morning.countriesEmpty') : null} note={view.cut.targets ? t('dashboard.morning.targetsCut') : null}>
        <Targets rows={view.countries} />
      </MorningCard>
    </SimpleGrid>
  );
}

export function MorningCards() {
  const { t } = useTranslation();
  const view = useKbQuery(() => knowledgeBase().dashboard({}), []);
  if (view.error) return <Alert color="red">{t('kb.error', { message: view.error.message })}</Alert>;
  return view.data ? <Cards view={view.data} /> : null;
}
