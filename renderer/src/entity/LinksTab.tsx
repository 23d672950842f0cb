/**
 * The Knowledge, Analyses, Indicators, Observables and Sightings tabs (issue 15): the
 * object's links grouped by relationship type and the other end's type, each group with
 * its count and paged, so a hub of thousands of relationships reaches its last one.
 */
import { Alert, Anchor, Badge, Group, Loader, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase } from '../kb/client.ts';
import type { LinkGroup, LinkRow, LinkView } from '../kb/queries/entityLinks.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { ObjectRef, openObjectPage } from '../knowledge/ObjectRef.tsx';
import { useTypeName } from '../knowledge/TypeLabel.tsx';
import { objectHash } from '../stores/routeStore.ts';
import { RefList } from './RefList.tsx';

const PAGE = 20;

function Dates({ row, date }: { row: LinkRow; date: (value: string) => string }) {
  const { t } = useTranslation();
  const parts = [row.start ? t('entity.links.from', { date: date(row.start) }) : null, row.end ? t('entity.links.until', { date: date(row.end) }) : null].filter(Boolean);
  if (row.count !== undefined) parts.push(t('entity.links.count', { count: row.count }));
  if (parts.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
      {parts.join(' · ')}
    </Text>
  );
}

function Row({ row, view, date }: { row: LinkRow; view: LinkView; date: (value: string) => string }) {
  const { t } = useTranslation();
  const via = (label: string) => (
    <Anchor
      size="xs"
      href={objectHash(row.via)}
      onClick={(event) => {
        event.preventDefault();
        openObjectPage(row.via);
      }}
      style={{ flexShrink: 0 }}
    >
      {label}
    </Anchor>
  );
  if (view === 'sightings') {
    return (
      <Group gap="sm" wrap="wrap" data-testid="link-row">
        {row.sightingOf && <ObjectRef id={row.sightingOf} showType />}
        {row.where && row.where.length > 0 && (
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              {t('entity.links.seenAt')}
            </Text>
            <RefList ids={row.where} inline />
          </Group>
        )}
        <Dates row={row} date={date} />
        {via(t('stix.types.sighting'))}
      </Group>
    );
  }
  return (
    <Group gap="sm" wrap="nowrap" justify="space-between" data-testid="link-row">
      {/* Shrinks and truncates a long name instead of widening the page (e2e/payloads). */}
      <div style={{ minWidth: 0, flex: 1, overflow: 'hidden' }}>
        <ObjectRef id={row.other} />
      </div>
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        <Dates row={row} date={date} />
        {row.via !== row.other && via(t('entity.links.relationship'))}
      </Group>
    </Group>
  );
}

function GroupSection({ id, view, group, date }: { id: string; view: LinkView; group: LinkGroup; date: (value: string) => string }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const [page, setPage] = useState(1);
  const rows = useKbQuery(() => knowledgeBase().entityLinks({ id, view, group: group.key, offset: (page - 1) * PAGE, limit: PAGE }), [id, view, group.key, page]);
  const pages = Math.max(1, Math.ceil(group.count / PAGE));
  const title =
    view === 'knowledge' || view === 'indicators' || view === 'observables'
      ? t(group.direction === 'outgoing' ? 'entity.links.outgoing' : 'entity.links.incoming', { kind: group.kind, type: typeName(group.otherType) })
      : typeName(group.otherType === 'sighting' ? 'sighting' : group.kind);
  const from = (page - 1) * PAGE + 1;
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="link-group" data-group={group.key}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={3} size="h6">
            {title}
          </Title>
          <Badge variant="light" radius="sm" data-testid="link-group-count">
            {group.count}
          </Badge>
        </Group>
        {pages > 1 && (
          <Text size="xs" c="dimmed" data-testid="link-group-range">
            {t('entity.links.range', { from, to: Math.min(group.count, page * PAGE), total: group.count })}
          </Text>
        )}
      </Group>
      {rows.error ? (
        <Alert color="red">{t('kb.error', { message: rows.error.message })}</Alert>
      ) : !rows.data ? (
        <Loader size="xs" aria-label={t('entity.links.loading')} />
      ) : (
        <Stack gap={6} style={{ opacity: rows.loading ? 0.6 : 1 }} aria-busy={rows.loading}>
          {rows.data.rows.map((row) => (
            <Row key={row.via + row.other} row={row} view={view} date={date} />
          ))}
        </Stack>
      )}
      {pages > 1 && (
        <Pagination mt="sm" size="sm" total={pages} value={page} onChange={setPage} withEdges aria-label={t('entity.links.pageLabel', { group: title })} data-testid="link-group-pages" />
      )}
    </Paper>
  );
}

export function LinksTab({ id, view, date }: { id: string; view: LinkView; date: (value: string) => string }) {
  const { t } = useTranslation();
  const overview = useKbQuery(() => knowledgeBase().entityLinks({ id, view, limit: 1 }), [id, view]);
  if (overview.error) return <Alert color="red">{t('kb.error', { message: overview.error.message })}</Alert>;
  if (!overview.data) return <Loader size="sm" aria-label={t('entity.links.loading')} />;
  if (overview.data.groups.length === 0) {
    return (
      <Text c="dimmed" data-testid="links-empty">
        {t(`entity.links.empty.${view}`)}
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid={`links-${view}`}>
      {overview.data.groups.map((group) => (
        <GroupSection key={group.key} id={id} view={view} group={group} date={date} />
      ))}
    </Stack>
  );
}
