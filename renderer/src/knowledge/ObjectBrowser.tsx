/**
 * The body of the Knowledge, Observables and Reports pages: a type menu with counts, a
 * search box, a TLP filter, and the virtualised table. Search ranks by name, alias and
 * external id; without a query the table lists the chosen types by name.
 */
import { Alert, Button, Card, EmptyState, Group, NavLink, ScrollArea, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAffiliate, IconAlertTriangle, IconDatabaseImport, IconFileExport, IconSearch, IconSparkles } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isScoType } from '../../../core/stix/model/categories.ts';
import type { TlpLevel } from '../../../core/stix/markings.ts';
import { useEnrichStore } from '../enrich/enrichStore.ts';
import { useExportStore } from '../exports/exportStore.ts';
import { investigate } from '../investigate/investigate.ts';
import { knowledgeBase } from '../kb/client.ts';
import { useRouteStore } from '../stores/routeStore.ts';
import { useSelectionStore } from '../stores/selectionStore.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { ObjectTable, PAGE_SIZE, type RowSource } from './ObjectTable.tsx';
import { isCustomObjectType } from './stixTypes.ts';
import { TypeIcon, useTypeName } from './TypeLabel.tsx';
import { BulkActions } from '../versions/BulkActions.tsx';
import { UndoBar } from '../versions/UndoBar.tsx';
import { DuplicatesButton, MergeSelectedButton } from '../merge/MergeActions.tsx';

const tlpLevels: TlpLevel[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

export function ObjectBrowser({ types, label, withCustomTypes = false }: { types: readonly string[]; label: string; withCustomTypes?: boolean }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [maxTlp, setMaxTlp] = useState<TlpLevel | null>(null);
  const [debounced] = useDebouncedValue(query.trim(), 150);

  const stats = useKbQuery(() => knowledgeBase().stats({}), []);
  const present = useMemo(() => {
    const counts = stats.data?.byType ?? {};
    const custom = withCustomTypes ? Object.keys(counts).filter(isCustomObjectType).sort() : [];
    return [...types, ...custom].filter((type) => (counts[type] ?? 0) > 0);
  }, [types, stats.data, withCustomTypes]);
  const total = present.reduce((sum, type) => sum + (stats.data?.byType[type] ?? 0), 0);
  const listed = useMemo(() => (selected ? [selected] : present), [selected, present]);
  const listedKey = listed.join(',');

  const searched = useKbQuery(
    () => (debounced ? knowledgeBase().search({ query: debounced, types: listed, limit: 500 }) : Promise.resolve(null)),
    [debounced, listedKey, maxTlp],
  );
  const counted = useKbQuery(
    () => (debounced || listed.length === 0 ? Promise.resolve(null) : knowledgeBase().listObjects({ types: listed, ...(maxTlp ? { maxTlp } : {}), limit: 1 })),
    [debounced, listedKey, maxTlp],
  );

  const source: RowSource | null = useMemo(() => {
    if (debounced) {
      const rows = (searched.data ?? []).filter((row) => !maxTlp || tlpLevels.indexOf(row.tlp ?? 'clear') <= tlpLevels.indexOf(maxTlp));
      return { key: `search:${debounced}:${listed.join(',')}:${maxTlp ?? ''}`, total: rows.length, rows };
    }
    if (!counted.data) return null;
    return {
      key: `list:${listed.join(',')}:${maxTlp ?? ''}:${counted.data.total}`,
      total: counted.data.total,
      loadPage: async (page) => (await knowledgeBase().listObjects({ types: listed, ...(maxTlp ? { maxTlp } : {}), offset: page * PAGE_SIZE, limit: PAGE_SIZE })).rows,
    };
  }, [debounced, searched.data, counted.data, listed, maxTlp]);

  const selectedIds = useSelectionStore((state) => state.selected);
  const enriching = useEnrichStore((state) => state.running);
  // Only observables go to enrichment connectors; an SCO's type is its id's prefix.
  const enrichable = selectedIds.filter((id) => isScoType(id.slice(0, id.indexOf('--'))));
  const clearSelected = useSelectionStore((state) => state.clearSelected);
  const exportIds = (ids: string[], name: string) => {
    useExportStore.getState().setScope({ ids, label: name, includeContents: false });
    useRouteStore.getState().navigate('export');
  };

  const error = stats.error ?? searched.error ?? counted.error;
  if (error) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {t('kb.error', { message: error.message })}
      </Alert>
    );
  }
  if (stats.data && total === 0) {
    return (
      <Card withBorder radius="lg" padding="xl" maw={760}>
        <EmptyState align="left" variant="light" size="lg" icon={<IconDatabaseImport size={30} stroke={1.5} />} title={t('kb.emptyTitle')} description={t('kb.emptyBody')}>
          <EmptyState.Actions>
            <Button component="a" href="#/import">
              {t('kb.openImport')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
    );
  }

  return (
    <Group align="flex-start" gap="lg" wrap="nowrap">
      <Card withBorder radius="md" padding={6} w={240} style={{ flexShrink: 0 }}>
        <ScrollArea.Autosize mah="calc(100vh - 260px)">
          <nav aria-label={t('kb.types')}>
            <NavLink
              label={t('kb.allTypes')}
              rightSection={<Text size="xs" c="dimmed">{total.toLocaleString()}</Text>}
              active={selected === null}
              onClick={() => setSelected(null)}
              data-type="all"
            />
            {present.map((type) => (
              <NavLink
                key={type}
                label={typeName(type)}
                leftSection={<TypeIcon type={type} size={20} />}
                rightSection={<Text size="xs" c="dimmed">{(stats.data?.byType[type] ?? 0).toLocaleString()}</Text>}
                active={selected === type}
                onClick={() => setSelected(type)}
                data-type={type}
              />
            ))}
          </nav>
        </ScrollArea.Autosize>
      </Card>
      <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
        <Group gap="sm" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            leftSection={<IconSearch size={16} />}
            placeholder={t('kb.searchPlaceholder')}
            aria-label={t('kb.searchPlaceholder')}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            data-testid="kb-search"
          />
          <Select
            w={190}
            aria-label={t('kb.maxTlp')}
            placeholder={t('kb.anyTlp')}
            clearable
            value={maxTlp}
            onChange={(value) => setMaxTlp(value)}
            data={tlpLevels.map((level) => ({ value: level, label: `${t('kb.maxTlp')} TLP:${level.toUpperCase()}` }))}
          />
        </Group>
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" data-testid="kb-count">
            {source ? t('kb.count', { count: source.total }) : t('kb.loading')}
          </Text>
          <Group gap="xs">
            <DuplicatesButton types={present} selected={selected} />
            {debounced && source?.rows && source.rows.length > 0 && (
              <Button size="xs" variant="default" leftSection={<IconAffiliate size={14} />} onClick={() => void investigate((source.rows ?? []).map((row) => row.id), t('kb.searchScope', { query: debounced, count: source.rows?.length ?? 0 }))} data-testid="investigate-results">
                {t('kb.investigateResults')}
              </Button>
            )}
            {debounced && source?.rows && source.rows.length > 0 && (
              <Button size="xs" variant="default" leftSection={<IconFileExport size={14} />} onClick={() => exportIds((source.rows ?? []).map((row) => row.id), t('kb.searchScope', { query: debounced, count: source.rows?.length ?? 0 }))}>
                {t('kb.exportResults')}
              </Button>
            )}
            {selectedIds.length > 0 && (
              <>
                <Button size="xs" variant="default" leftSection={<IconAffiliate size={14} />} onClick={() => void investigate([...selectedIds], t('kb.selectionScope', { count: selectedIds.length }))} data-testid="investigate-selected">
                  {t('kb.investigateSelected', { count: selectedIds.length })}
                </Button>
                <Button size="xs" variant="default" leftSection={<IconSparkles size={14} />} disabled={enriching || enrichable.length === 0} title={enrichable.length === 0 ? t('enrich.notObservable') : undefined} onClick={() => void useEnrichStore.getState().start(enrichable)} data-testid="enrich-selected">
                  {t('enrich.actionSelected')}
                </Button>
                <Button size="xs" leftSection={<IconFileExport size={14} />} onClick={() => exportIds([...selectedIds], t('kb.selectionScope', { count: selectedIds.length }))} data-testid="export-selected">
                  {t('kb.exportSelected', { count: selectedIds.length })}
                </Button>
                <BulkActions ids={[...selectedIds]} onDeleted={clearSelected} />
                <MergeSelectedButton ids={selectedIds} onMerged={clearSelected} />
                <Button size="xs" variant="subtle" onClick={clearSelected}>
                  {t('kb.clearSelection')}
                </Button>
              </>
            )}
          </Group>
        </Group>
        <UndoBar />
        {source && source.total === 0 && debounced ? (
          <Text c="dimmed">{t('kb.noMatch', { query: debounced })}</Text>
        ) : source ? (
          <ObjectTable source={source} label={label} layout={types.every((type) => type === 'report' || type === 'grouping' || type === 'note' || type === 'opinion' || type === 'observed-data') ? 'reports' : 'knowledge'} />
        ) : null}
      </Stack>
    </Group>
  );
}
