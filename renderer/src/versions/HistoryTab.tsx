/**
 * An object's history (issue 17, point 2): every version kept, newest first, with who
 * wrote it (the analyst, or which file or feed by name), a field-by-field diff against the
 * version before it, and "Restore this version", which makes that content a new version.
 */
import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../app/useAction.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { ObjectRef } from '../knowledge/ObjectRef.tsx';
import type { ObjectVersion, VersionSource } from '../kb/versions/editObject.ts';
import { UndoNotice } from './UndoNotice.tsx';
import { shownValue, versionDiff } from './versionDiff.ts';

/** "you", or the file or feed by name. */
export function useSourceName(): (source: VersionSource) => string {
  const { t } = useTranslation();
  return (source) => (source.kind === 'manual' ? `${source.name} (${t('versions.history.kinds.manual')})` : source.kind === 'unknown' ? t('versions.history.kinds.unknown') : `${source.name} (${t(`versions.history.kinds.${source.kind}`)})`);
}

const STIX_ID = /^[a-z][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A changed value as the analyst reads it: references by name (never a bare id), the rest as text. */
function DiffValue({ field, value, color, struck = false }: { field: string; value: unknown; color: string; struck?: boolean }) {
  const ids = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const references = /_refs?$/.test(field) && ids.length > 0 && ids.every((id) => typeof id === 'string' && STIX_ID.test(id));
  if (!references) {
    return <Text size="xs" c={color} {...(struck ? { td: 'line-through' } : {})}>{shownValue(value)}</Text>;
  }
  return (
    <Group gap={4} style={{ opacity: struck ? 0.7 : 1 }}>
      {(ids as string[]).map((id) => <ObjectRef key={id} id={id} size="xs" />)}
    </Group>
  );
}

function Diff({ older, version }: { older: ObjectVersion | undefined; version: ObjectVersion }) {
  const { t } = useTranslation();
  if (!older) return <Text size="xs" c="dimmed">{t('versions.history.firstVersion')}</Text>;
  const changes = versionDiff(older.stix, version.stix);
  if (changes.length === 0) return <Text size="xs" c="dimmed" data-testid="history-diff">{t('versions.history.noDiff')}</Text>;
  return (
    <Table withTableBorder fz="xs" layout="fixed" data-testid="history-diff">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>{t('versions.history.field')}</Table.Th>
          <Table.Th>{t('versions.history.before')}</Table.Th>
          <Table.Th>{t('versions.history.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={change.field} data-field={change.field}>
            <Table.Td>
              <Text size="xs" ff="monospace">{change.field}</Text>
              <Text size="xs" c="dimmed">{t(`versions.history.${change.kind}`)}</Text>
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }}>
              {change.kind === 'added' ? <Text size="xs" c="dimmed">—</Text> : <DiffValue field={change.field} value={change.before} color="red.7" struck />}
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }}>
              {change.kind === 'removed' ? <Text size="xs" c="dimmed">—</Text> : <DiffValue field={change.field} value={change.after} color="teal.7" />}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** "Merged Korplug and Sogu into this object", names joined as the interface language joins them. */
function MergeReason({ version }: { version: ObjectVersion }) {
  const { t, i18n } = useTranslation();
  if (!version.reason || version.reason.merged.length === 0) return null;
  const names = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(version.reason.merged.map((object) => object.name));
  return <Text size="xs" data-testid="history-reason">{t('versions.history.merged', { names })}</Text>;
}

export function HistoryTab({ id, date }: { id: string; date: (value: string) => string }) {
  const { t } = useTranslation();
  const sourceName = useSourceName();
  const history = useKbQuery(() => knowledgeBase().listVersions({ id }), [id]);
  const { run, busy, error } = useAction();
  const [restored, setRestored] = useState<string | null>(null);
  const restore = (modified: string) =>
    run(async () => {
      const { undoId } = await knowledgeBase().restoreVersion({ id, modified });
      setRestored(undoId);
      notifyKnowledgeChanged();
    });

  if (history.error) return <Alert color="red">{t('kb.error', { message: history.error.message })}</Alert>;
  if (!history.data) return <Group gap="xs"><Loader size="xs" /><Text size="sm">{t('versions.history.loading')}</Text></Group>;
  const { versions } = history.data;
  return (
    <Stack gap="sm">
      {restored && <UndoNotice message={t('versions.history.restored')} undoId={restored} onClose={() => setRestored(null)} />}
      {error && <Alert color="red">{error}</Alert>}
      {versions.length === 1 && <Text size="sm" c="dimmed">{t('versions.history.only')}</Text>}
      {versions.map((version, index) => (
        <Card key={version.modified} withBorder padding="sm" data-testid="history-row" data-modified={version.modified} data-current={version.current}>
          <Group justify="space-between" wrap="nowrap" mb="xs">
            <div>
              <Group gap="xs">
                <Text size="sm" fw={600}>{date(version.modified)}</Text>
                {version.current && <Badge size="sm">{t('versions.history.current')}</Badge>}
                {version.stix['revoked'] === true && <Badge size="sm" color="gray">revoked</Badge>}
              </Group>
              <Text size="xs" c="dimmed" data-testid="history-source">
                {t('versions.history.by', { source: sourceName(version.source) })} · {t('versions.history.storedAt', { date: date(version.at) })}
              </Text>
              <MergeReason version={version} />
            </div>
            {!version.current && (
              <Tooltip label={t('versions.history.restoreHint')} multiline w={260}>
                <Button size="compact-xs" variant="light" leftSection={<IconRestore size={14} />} loading={busy} onClick={() => void restore(version.modified)} data-testid="history-restore">
                  {t('versions.history.restore')}
                </Button>
              </Tooltip>
            )}
          </Group>
          <Diff older={versions[index + 1]} version={version} />
        </Card>
      ))}
    </Stack>
  );
}

/** The detail view's line saying where the current version came from. */
export function CurrentVersionLine({ id, date }: { id: string; date: (value: string) => string }) {
  const { t } = useTranslation();
  const sourceName = useSourceName();
  const history = useKbQuery(() => knowledgeBase().listVersions({ id }), [id]);
  const current = history.data?.versions[0];
  if (!current) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="detail-version-source">
      {t('versions.history.versionFrom', { date: date(current.modified), source: sourceName(current.source) })}
    </Text>
  );
}
