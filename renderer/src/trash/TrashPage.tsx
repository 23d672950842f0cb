/**
 * The Trash page (issue 21, point 5): each delete as one entry — what went, by name, with
 * how many relationships, sightings and versions went along; who, when, why and the days
 * left — restored whole, deleted for good, or all emptied. Every action is a button (Tab
 * and Enter reach it); the irreversible ones ask first with the app's ConfirmDialog.
 */
import { Alert, Badge, Button, Card, Group, Loader, Pagination, Stack, Text } from '@mantine/core';
import { IconRestore, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { useAction } from '../app/useAction.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import type { TrashSummary } from '../kb/trash/trashEntries.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { TypeIcon, useTypeName } from '../knowledge/TypeLabel.tsx';
import { PageHeader } from '../pages/PageHeader.tsx';

const PAGE = 25;
const NAMES_SHOWN = 5;

function listNames(names: readonly string[], more: (count: number) => string): string {
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  return names.length > NAMES_SHOWN ? `${shown} ${more(names.length - NAMES_SHOWN)}` : shown;
}

function entryName(entry: TrashSummary): string {
  return entry.items[0]?.name ?? '';
}

function TrashEntryCard({ entry, onForget, onRestored }: { entry: TrashSummary; onForget: () => void; onRestored: (count: number) => void }) {
  const { t, i18n } = useTranslation();
  const typeName = useTypeName();
  const { run, busy, error } = useAction();
  const restore = () =>
    run(async () => {
      const { restored } = await knowledgeBase().restoreFromTrash({ entryId: entry.id });
      notifyKnowledgeChanged();
      onRestored(restored);
    });
  const went = [
    entry.relationships > 0 ? t('trash.relationships', { count: entry.relationships }) : null,
    entry.sightings > 0 ? t('trash.sightings', { count: entry.sightings }) : null,
    entry.versions > 0 ? t('trash.versions', { count: entry.versions }) : null,
  ].filter((part): part is string => part !== null);
  const more = (count: number) => t('trash.andMore', { count });
  return (
    <Card withBorder radius="md" padding="md" data-testid="trash-entry" data-entry-id={entry.id} component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            {entry.items.map((item) => (
              <Group key={item.id} gap={6} wrap="nowrap" data-testid="trash-item">
                <TypeIcon type={item.type} size={18} />
                <Text fw={600} truncate>
                  {item.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {typeName(item.type)}
                </Text>
              </Group>
            ))}
            {entry.itemCount > entry.items.length && <Text size="xs" c="dimmed">{more(entry.itemCount - entry.items.length)}</Text>}
          </Stack>
          <Badge color={entry.daysLeft === 0 ? 'red' : 'gray'} variant="light" style={{ flexShrink: 0 }} data-testid="trash-days-left">
            {entry.daysLeft === 0 ? t('trash.lastDay') : t('trash.daysLeft', { count: entry.daysLeft })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {new Date(entry.deletedAt).toLocaleString(i18n.language)} · {entry.by ? t('trash.by', { name: entry.by }) : t('trash.byYou')}
        </Text>
        <Text size="sm" fs={entry.why ? undefined : 'italic'} c={entry.why ? undefined : 'dimmed'} data-testid="trash-why">
          {entry.why ? t('trash.why', { why: entry.why }) : t('trash.noWhy')}
        </Text>
        {went.length > 0 && <Text size="sm" data-testid="trash-went">{t('trash.withThem', { what: went.join(', ') })}</Text>}
        {entry.containers.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('trash.containers', { names: listNames(entry.containers.map((container) => container.name), more) })}
          </Text>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group gap="xs" justify="flex-end">
          <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={onForget} data-testid="trash-delete-forever">
            {t('trash.deleteForever')}
          </Button>
          <Button leftSection={<IconRestore size={16} />} loading={busy} onClick={() => void restore()} aria-label={t('trash.restoreLabel', { name: entryName(entry) })} data-testid="trash-restore">
            {t('trash.restore')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function TrashPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [confirm, setConfirm] = useState<{ kind: 'empty' } | { kind: 'one'; entry: TrashSummary } | null>(null);
  const [restored, setRestored] = useState<number | null>(null);
  const trash = useKbQuery(() => knowledgeBase().listTrash({ offset: (page - 1) * PAGE, limit: PAGE }), [page]);
  const data = trash.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  const changed = () => {
    notifyKnowledgeChanged();
    if (page > 1 && data && data.entries.length === 1) setPage(page - 1);
  };

  return (
    <>
      <PageHeader
        title={t('pages.trash.title')}
        description={t('pages.trash.description')}
        actions={
          <Button color="red" variant="outline" leftSection={<IconTrash size={16} />} disabled={!data || data.total === 0} onClick={() => setConfirm({ kind: 'empty' })} data-testid="trash-empty">
            {t('trash.emptyTrash')}
          </Button>
        }
      />
      <Stack gap="md" maw={900}>
        {trash.error && <Alert color="red">{t('kb.error', { message: trash.error.message })}</Alert>}
        {restored !== null && (
          <Alert color="green" withCloseButton onClose={() => setRestored(null)} data-testid="trash-restored" role="status">
            {t('trash.restored', { count: restored })}
          </Alert>
        )}
        {!data ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t('trash.loading')}</Text>
          </Group>
        ) : data.total === 0 ? (
          <Text c="dimmed" data-testid="trash-empty-state">
            {t('trash.empty', { days: data.retentionDays })}
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('trash.retention', { days: data.retentionDays })}
            </Text>
            <Stack gap="sm" component="ul" p={0} m={0} style={{ opacity: trash.loading ? 0.6 : 1 }} aria-busy={trash.loading}>
              {data.entries.map((entry) => (
                <TrashEntryCard key={entry.id} entry={entry} onForget={() => setConfirm({ kind: 'one', entry })} onRestored={(count) => { setRestored(count); changed(); }} />
              ))}
            </Stack>
            {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} withEdges aria-label={t('pages.trash.title')} />}
          </>
        )}
      </Stack>
      {confirm && (
        <ConfirmDialog
          title={confirm.kind === 'empty' ? t('trash.emptyTitle') : t('trash.deleteForeverTitle', { name: entryName(confirm.entry) })}
          confirmLabel={t('trash.confirmForever')}
          cancelLabel={t('trash.cancel')}
          confirmTestId="trash-confirm"
          danger
          onClose={() => setConfirm(null)}
          onConfirm={async () => {
            if (confirm.kind === 'empty') await knowledgeBase().emptyTrash({});
            else await knowledgeBase().deleteFromTrash({ entryId: confirm.entry.id });
            changed();
          }}
        >
          <Text>
            {confirm.kind === 'empty' ? t('trash.emptyBody', { count: data?.total ?? 0 }) : t('trash.deleteForeverBody', { count: confirm.entry.itemCount + confirm.entry.relationships + confirm.entry.sightings })}
          </Text>
        </ConfirmDialog>
      )}
    </>
  );
}
