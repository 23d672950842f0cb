/**
 * A report's or grouping's contents (issue 15, point 3): grouped by type with counts,
 * searchable by name, paged, and the original file the report came from, to save again.
 */
import { Alert, Anchor, Chip, Group, Loader, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase } from '../kb/client.ts';
import type { ObjectDetail } from '../kb/queries/detail.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { ObjectRef } from '../knowledge/ObjectRef.tsx';
import { SaveOriginal } from '../knowledge/ProvenanceTab.tsx';
import { useTypeName } from '../knowledge/TypeLabel.tsx';

const PAGE = 50;

function Originals({ detail }: { detail: ObjectDetail }) {
  const { t } = useTranslation();
  const files = detail.sources.filter((source) => source.sha256);
  if (!['report', 'grouping'].includes(detail.summary.type)) return null;
  return (
    <Group gap="sm" data-testid="contents-original">
      <Text size="sm" fw={500}>
        {t('entity.contents.original')}
      </Text>
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('entity.contents.noOriginal')}
        </Text>
      ) : (
        files.map((source) => (
          <Group key={source.id} gap="xs">
            <Text size="sm">{source.name}</Text>
            {source.sha256 && <SaveOriginal source={{ ...source, sha256: source.sha256 }} />}
          </Group>
        ))
      )}
    </Group>
  );
}

export function ContentsTab({ detail }: { detail: ObjectDetail }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const id = detail.summary.id;
  const [type, setType] = useState<string>('');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const [page, setPage] = useState(1);
  const contents = useKbQuery(
    () => knowledgeBase().containerContents({ id, type: type || undefined, query: debounced, offset: (page - 1) * PAGE, limit: PAGE }),
    [id, type, debounced, page],
  );
  const data = contents.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  const choose = (value: string) => {
    setType(value);
    setPage(1);
  };

  return (
    <Stack gap="md" data-testid="entity-contents">
      <Originals detail={detail} />
      {contents.error && <Alert color="red">{t('kb.error', { message: contents.error.message })}</Alert>}
      {data && data.trashed.length > 0 && (
        <Alert color="gray" data-testid="contents-trashed">
          <Text size="sm">{t('trash.contents.trashed', { count: data.trashed.length, names: data.trashed.slice(0, 5).map((item) => item.name).join(', ') })}</Text>
          <Anchor href="#/trash" size="sm">
            {t('trash.contents.open')}
          </Anchor>
        </Alert>
      )}
      {!data ? (
        <Loader size="sm" aria-label={t('entity.links.loading')} />
      ) : data.all === 0 ? (
        <Text c="dimmed">{t('entity.contents.empty')}</Text>
      ) : (
        <>
          <Chip.Group value={type} onChange={(value) => choose(typeof value === 'string' ? value : '')}>
            <Group gap={6} data-testid="contents-types">
              <Chip value="" size="xs" variant="light">
                {t('entity.contents.allTypes', { count: data.all })}
              </Chip>
              {data.groups.map((group) => (
                <Chip key={group.type} value={group.type} size="xs" variant="light" wrapperProps={{ 'data-testid': 'contents-type', 'data-type': group.type }}>
                  {t('entity.contents.typeCount', { type: typeName(group.type), count: group.count })}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <TextInput
            leftSection={<IconSearch size={14} />}
            placeholder={t('entity.contents.search')}
            aria-label={t('entity.contents.search')}
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setPage(1);
            }}
            data-testid="contents-search"
          />
          {data.total === 0 ? (
            <Text c="dimmed">{t('entity.contents.noMatch', { query: debounced })}</Text>
          ) : (
            <>
              <Text size="xs" c="dimmed" data-testid="contents-range">
                {t('entity.links.range', { from: (page - 1) * PAGE + 1, to: Math.min(data.total, page * PAGE), total: data.total })}
              </Text>
              <Stack gap={6} style={{ opacity: contents.loading ? 0.6 : 1 }} aria-busy={contents.loading}>
                {data.ids.map((ref) => (
                  <div key={ref} data-testid="contents-row">
                    <ObjectRef id={ref} showType />
                  </div>
                ))}
              </Stack>
              {pages > 1 && <Pagination size="sm" total={pages} value={page} onChange={setPage} withEdges aria-label={t('entity.tabs.contents')} data-testid="contents-pages" />}
            </>
          )}
        </>
      )}
    </Stack>
  );
}
