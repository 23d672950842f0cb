/**
 * The review's values, by type, in one scrolling list that draws only the rows in view
 * (TanStack Virtual). A 500-page report lists hundreds of values; drawing every row, and
 * drawing them all again when the knowledge base's answer or a commit changed their
 * badges, held the window for up to a second (issue 16, point 3). Rows have a fixed
 * height, so rows scrolled into view never move the ones already shown.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtractedIndicator } from '../../../core/extract/types.ts';
import type { KnownValue } from '../kb/queries/knownValues.ts';
import { ALL_KNOWN_HEIGHT, GroupHeader, HEADER_HEIGHT, IndicatorRow, ROW_HEIGHT } from './IndicatorGroups.tsx';
import { indicatorKey, type IndicatorGroup } from './selection.ts';

interface Props {
  groups: readonly IndicatorGroup[];
  selected: ReadonlySet<string>;
  focused: string | null;
  onToggle: (key: string) => void;
  onSetMany: (keys: readonly string[], selected: boolean) => void;
  onFocus: (indicator: ExtractedIndicator) => void;
  /** Issue 16: what the knowledge base holds already; undefined while it is asked. */
  known: ReadonlyMap<string, KnownValue> | undefined;
  newOnly: boolean;
}

type Item = { kind: 'header'; group: IndicatorGroup; keys: string[]; allKnown: boolean } | { kind: 'row'; indicator: ExtractedIndicator; key: string };

function listItems(groups: readonly IndicatorGroup[], known: ReadonlyMap<string, KnownValue> | undefined, newOnly: boolean): Item[] {
  const items: Item[] = [];
  for (const group of groups) {
    const keys = group.indicators.map(indicatorKey);
    const shown = group.indicators.flatMap((indicator, index) => (newOnly && known?.get(keys[index] ?? '')?.known === true ? [] : [{ kind: 'row' as const, indicator, key: keys[index] ?? '' }]));
    items.push({ kind: 'header', group, keys, allKnown: shown.length === 0 }, ...shown);
  }
  return items;
}

const EMPTY: readonly IndicatorGroup[] = [];

function heightOf(item: Item | undefined): number {
  if (item?.kind !== 'header') return ROW_HEIGHT;
  return HEADER_HEIGHT + (item.allKnown ? ALL_KNOWN_HEIGHT : 0);
}

/** A callback that keeps its identity while always calling the latest function given. */
function useStable<A extends unknown[]>(callback: (...args: A) => void): (...args: A) => void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

export function IndicatorList({ groups, selected, focused, onToggle, onSetMany, onFocus, known, newOnly }: Props) {
  const { t } = useTranslation();
  // Deferred: a new document's list, the knowledge base's answer or a filter is drawn in a
  // background render React can interrupt, not in the task that delivered it.
  const deferredGroups = useDeferredValue(groups, EMPTY);
  // Mounted inside the review's own background render, the list would be drawn in the same
  // commit as the review: it follows in a commit of its own.
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    startTransition(() => setMounted(true));
  }, []);
  const shownGroups = mounted ? deferredGroups : EMPTY;
  const shownKnown = useDeferredValue(known);
  const shownNewOnly = useDeferredValue(newOnly);
  const items = useMemo(() => listItems(shownGroups, shownKnown, shownNewOnly), [shownGroups, shownKnown, shownNewOnly]);
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual re-renders on scroll by design; rows are memoised on their own state.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => heightOf(items[index]),
    getItemKey: (index) => {
      const item = items[index];
      return item?.kind === 'row' ? item.key : `group:${item?.group.type ?? index}`;
    },
    overscan: 4,
    // Rows scrolled into view are drawn in the next frame, not inside the scroll event.
    useFlushSync: false,
  });
  const toggleRow = useStable(onToggle);
  const focusRow = useStable(onFocus);
  const total = virtualizer.getTotalSize();
  return (
    <div ref={scroller} role="region" aria-label={t('extractionReview.listLabel')} data-testid="indicator-list" style={{ height: total, maxHeight: 'max(240px, calc(100vh - 330px))', overflowY: 'auto', overflowAnchor: 'none' }}>
      <div style={{ height: total, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((entry) => {
          const item = items[entry.index];
          if (!item) return null;
          return (
            <div key={entry.key} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: entry.size, transform: `translateY(${entry.start}px)`, paddingLeft: item.kind === 'row' ? 'var(--mantine-spacing-lg)' : undefined }}>
              {item.kind === 'header' ? (
                <GroupHeader group={item.group} keys={item.keys} selected={selected} onSetMany={onSetMany} known={shownKnown} allKnown={item.allKnown} />
              ) : (
                <IndicatorRow rowKey={item.key} indicator={item.indicator} checked={selected.has(item.key)} focused={focused === item.key} onToggle={toggleRow} onFocus={focusRow} known={shownKnown?.get(item.key)} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
