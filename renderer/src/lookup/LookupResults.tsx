/**
 * The looked-up values in one list that draws only the rows in view (TanStack Virtual,
 * fixed row heights, as the review's list): filter chips with a count per group,
 * select-all of what is shown, and where the selected values go next.
 */
import { Button, Checkbox, Chip, Group, Text } from '@mantine/core';
import { IconAffiliate, IconFileExport, IconFileSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LOOKUP_GROUPS, type LookupGroup } from '../../../core/lookup/pastedValues.ts';
import { addToGraph, exportBundle, sendToReview } from './lookupActions.ts';
import { LookupRowView } from './LookupRowView.tsx';
import { rowKey, useLookupStore } from './lookupStore.ts';
import './lookup.css';

const ROW_HEIGHT = 64;

export function LookupResults() {
  const { t } = useTranslation();
  const rows = useLookupStore((state) => state.rows);
  const filter = useLookupStore((state) => state.filter);
  const selected = useLookupStore((state) => state.selected);
  const scroller = useRef<HTMLDivElement>(null);

  const counts = useMemo(() => {
    const byGroup: Record<LookupGroup, number> = { known: 0, warninglist: 0, unknown: 0 };
    for (const row of rows) byGroup[row.group] += 1;
    return byGroup;
  }, [rows]);
  const shown = useMemo(() => (filter === 'all' ? rows : rows.filter((row) => row.group === filter)), [rows, filter]);
  const shownKeys = useMemo(() => shown.map(rowKey), [shown]);
  const selectedShown = shownKeys.filter((key) => selected.has(key)).length;
  const chosen = (group: LookupGroup) => rows.filter((row) => row.group === group && selected.has(rowKey(row)));
  const unknown = chosen('unknown');
  const known = chosen('known');
  const toggle = useCallback((key: string) => useLookupStore.getState().toggle(key), []);

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, getItemKey: (index) => shownKeys[index] ?? index, overscan: 6 });

  return (
    <>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Chip.Group multiple={false} value={filter} onChange={(value) => useLookupStore.getState().setFilter(value)}>
          <Group gap={6} role="group" aria-label={t('lookup.filterLabel')}>
            {(['all', ...LOOKUP_GROUPS] as const).map((group) => (
              <Chip key={group} value={group} size="sm" data-testid={`lookup-filter-${group}`}>
                {t(`lookup.groups.${group}`)} <span data-testid={`lookup-count-${group}`}>{group === 'all' ? rows.length : counts[group]}</span>
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Group gap="xs">
          <Button size="xs" leftSection={<IconFileSearch size={14} />} disabled={unknown.length === 0} onClick={() => sendToReview(unknown)} data-testid="lookup-send-unknown">
            {t('lookup.sendUnknown', { count: unknown.length })}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconAffiliate size={14} />} disabled={known.length === 0} onClick={() => void addToGraph(known)} data-testid="lookup-add-graph">
            {t('lookup.addToGraph', { count: known.length })}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconFileExport size={14} />} disabled={known.length === 0} onClick={() => exportBundle(known)} data-testid="lookup-export">
            {t('lookup.exportKnown', { count: known.length })}
          </Button>
        </Group>
      </Group>
      <Group gap="sm">
        <Checkbox
          size="xs"
          label={t('lookup.selectAll')}
          checked={shownKeys.length > 0 && selectedShown === shownKeys.length}
          indeterminate={selectedShown > 0 && selectedShown < shownKeys.length}
          onChange={(event) => useLookupStore.getState().setMany(shownKeys, event.currentTarget.checked)}
          data-testid="lookup-select-all"
        />
        <Text size="xs" c="dimmed">
          {t('lookup.selectedCount', { count: selected.size, total: rows.length })}
        </Text>
      </Group>
      <div role="table" aria-label={t('pages.lookup.title')} aria-rowcount={shown.length}>
        <div className="lookup-header" role="row">
          <span />
          <span role="columnheader">{t('lookup.columns.value')}</span>
          <span role="columnheader">{t('lookup.columns.status')}</span>
          <span role="columnheader">{t('lookup.columns.details')}</span>
        </div>
        <div ref={scroller} style={{ height: 'min(60vh, 640px)', overflow: 'auto' }} data-testid="lookup-list">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = shown[item.index];
              if (!row) return null;
              return (
                <div key={item.key} role="row" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                  <LookupRowView row={row} selected={selected.has(shownKeys[item.index] ?? '')} onToggle={toggle} />
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </>
  );
}
