/**
 * A virtualised table of object summaries: only the rows on screen are in the DOM, and
 * pages of rows are fetched as they scroll into view, so 200,000 observables list as fast
 * as 20.
 */
import { Box, Checkbox, Group, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectSummary } from '../kb/queries/summary.ts';
import { useSelectionStore } from '../stores/selectionStore.ts';
import { ObjectRef } from './ObjectRef.tsx';
import { TlpBadge } from './TlpBadge.tsx';
import { TypeLabel } from './TypeLabel.tsx';

const ROW_HEIGHT = 40;
export const PAGE_SIZE = 200;

export interface RowSource {
  total: number;
  /** Rows already known (a search result), or a loader for one page of rows. */
  rows?: ObjectSummary[];
  loadPage?: (page: number) => Promise<ObjectSummary[]>;
  /** Changes whenever the rows behind the source change, to drop cached pages. */
  key: string;
}

/** The Reports list reads as OpenCTI's (issue 15): published, author by name, how many objects each holds. */
export type TableColumns = 'knowledge' | 'reports';
const layouts = {
  knowledge: { grid: '28px 2.4fr 1.2fr 0.9fr 1.4fr 1.1fr', headers: ['name', 'type', 'tlp', 'labels', 'modified'] },
  reports: { grid: '28px 2.4fr 1fr 1.4fr 0.7fr 0.9fr 1fr', headers: ['name', 'published', 'author', 'contents', 'tlp', 'modified'] },
} as const;

function formatDate(value: string, language: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString(language, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function ObjectTable({ source, label, layout = 'knowledge' }: { source: RowSource; label: string; layout?: TableColumns }) {
  const { t, i18n } = useTranslation();
  const columns = layouts[layout].grid;
  const openDetail = useSelectionStore((state) => state.openDetail);
  const selected = useSelectionStore((state) => state.selected);
  const toggleSelected = useSelectionStore((state) => state.toggleSelected);
  const scroller = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<Map<number, ObjectSummary[]>>(new Map());
  const requested = useRef(new Set<number>());

  useEffect(() => {
    setPages(new Map());
    requested.current = new Set();
  }, [source.key]);

  // TanStack Virtual re-renders on scroll by design; nothing below is memoised on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: source.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    const { loadPage } = source;
    if (!loadPage || items.length === 0) return;
    const first = Math.floor((items[0]?.index ?? 0) / PAGE_SIZE);
    const last = Math.floor((items.at(-1)?.index ?? 0) / PAGE_SIZE);
    for (let page = first; page <= last; page += 1) {
      if (requested.current.has(page)) continue;
      requested.current.add(page);
      const key = source.key;
      void loadPage(page).then((rows) => {
        if (key === source.key) setPages((previous) => new Map(previous).set(page, rows));
      });
    }
  }, [items, source]);

  const rowAt = (index: number): ObjectSummary | undefined => source.rows?.[index] ?? pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  return (
    <Box role="table" aria-label={label} aria-rowcount={source.total} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}>
      <Box role="row" px="sm" py={8} style={{ display: 'grid', gridTemplateColumns: columns, gap: 12, background: 'var(--mantine-color-default-hover)', fontWeight: 600 }}>
        <span role="columnheader" aria-label={t('kb.select')} />
        {layouts[layout].headers.map((column) => (
          <Text key={column} role="columnheader" size="sm" fw={600}>
            {t(`kb.columns.${column}`)}
          </Text>
        ))}
      </Box>
      <div ref={scroller} style={{ height: 'calc(100vh - 330px)', minHeight: 240, overflow: 'auto' }} data-testid="object-table-scroller">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <Box
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={row ? 0 : -1}
                data-testid={row ? 'object-row' : 'object-row-loading'}
                data-id={row?.id}
                onClick={() => row && openDetail(row.id)}
                onKeyDown={(event) => {
                  if (row && (event.key === 'Enter' || event.key === ' ')) {
                    event.preventDefault();
                    openDetail(row.id);
                  }
                }}
                px="sm"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: columns,
                  gap: 12,
                  alignItems: 'center',
                  borderTop: '1px solid var(--mantine-color-default-border)',
                  cursor: row ? 'pointer' : 'default',
                }}
                className="object-row"
              >
                {row ? (
                  <>
                    <div role="cell" onClick={(event) => event.stopPropagation()}>
                      <Checkbox size="xs" aria-label={t('kb.selectRow', { name: row.name })} checked={selected.includes(row.id)} onChange={() => toggleSelected(row.id)} data-testid="row-select" />
                    </div>
                    <Text role="cell" size="sm" fw={500} truncate title={row.name} data-testid="row-name" td={row.revoked ? 'line-through' : undefined}>
                      {row.name}
                    </Text>
                    {layout === 'reports' ? (
                      <>
                        <Text role="cell" size="sm" c="dimmed" data-testid="row-published">
                          {row.published ? formatDate(row.published, i18n.language) : '—'}
                        </Text>
                        <div role="cell" style={{ minWidth: 0 }}>
                          {row.createdBy ? <ObjectRef id={row.createdBy} size="xs" link={false} /> : <Text size="sm" c="dimmed">—</Text>}
                        </div>
                        <Text role="cell" size="sm" data-testid="row-contents">
                          {t('kb.contentsCount', { count: row.contents ?? 0 })}
                        </Text>
                      </>
                    ) : (
                      <div role="cell">
                        <TypeLabel type={row.type} kind={row.kind} />
                      </div>
                    )}
                    <div role="cell">
                      <TlpBadge level={row.tlp} />
                    </div>
                    {layout === 'knowledge' && (
                      <Text role="cell" size="xs" c="dimmed" truncate>
                        {row.labels.join(', ')}
                      </Text>
                    )}
                    <Text role="cell" size="sm" c="dimmed">
                      {formatDate(row.modified, i18n.language)}
                    </Text>
                  </>
                ) : (
                  <Group role="cell" gap="xs" style={{ gridColumn: '2 / -1' }}>
                    <Loader size={12} />
                    <Text size="xs" c="dimmed">
                      {t('kb.loading')}
                    </Text>
                  </Group>
                )}
              </Box>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
