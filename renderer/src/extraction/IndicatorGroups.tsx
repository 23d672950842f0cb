/**
 * A group's header and a value's row in the review's list (IndicatorList.tsx): a checkbox
 * per group selects or clears the whole type, a checkbox per row picks one, and the value
 * opens its context. Flags are shown on the row with their reason, so nothing flagged is
 * hidden from the analyst. Both have fixed heights: the list draws only the rows in view.
 */
import { Badge, Checkbox, Group, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtractedIndicator } from '../../../core/extract/types.ts';
import type { KnownValue } from '../kb/queries/knownValues.ts';
import { TypeIcon } from '../knowledge/TypeLabel.tsx';
import { KnownBadge } from './KnownMark.tsx';
import { RowBadge } from './RowBadge.tsx';
import { RowTooltip } from './RowTooltip.tsx';
import { countKnown } from './useKnownValues.ts';
import type { IndicatorGroup } from './selection.ts';
import { useFlagReason } from './flagReason.ts';
import './indicatorRow.css';

/** Heights in pixels, fixed so the list can place rows it has not drawn. */
export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 40;
export const ALL_KNOWN_HEIGHT = 24;

/** A file item is a hash or a name; the label says which. */
function detailOf(indicator: ExtractedIndicator): string | undefined {
  return indicator.hash_type ?? (indicator.kind === 'name' ? 'name' : undefined) ?? indicator.currency ?? indicator.attack_kind;
}

/** Whether two answers would draw the same badge: a refreshed lookup returns new objects. */
function sameKnown(a: KnownValue | undefined, b: KnownValue | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

interface RowProps {
  indicator: ExtractedIndicator;
  rowKey: string;
  checked: boolean;
  focused: boolean;
  onToggle: (key: string) => void;
  onFocus: (indicator: ExtractedIndicator) => void;
  known: KnownValue | undefined;
}

/**
 * A row draws again only when its own state changes: with hundreds of values, drawing
 * every row on each click or tick held the window for seconds (issue 16, point 3).
 */
export const IndicatorRow = memo(function IndicatorRow({ indicator, rowKey, checked, focused, onToggle, onFocus, known }: RowProps) {
  const { t } = useTranslation();
  const flagReason = useFlagReason();
  const first = indicator.occurrences[0];
  const detail = detailOf(indicator);
  return (
    <div className="indicator-row" data-testid="indicator-row" data-type={indicator.type} data-value={indicator.value} data-selected={checked} data-known={known ? String(known.known) : undefined}>
      <input type="checkbox" className="indicator-row-check" checked={checked} onChange={() => onToggle(rowKey)} aria-label={t('extraction.keep', { value: indicator.value })} />
      <button type="button" className="indicator-row-value" onClick={() => onFocus(indicator)} aria-pressed={focused} data-unticked={checked ? undefined : true}>
        {indicator.value}
      </button>
      <KnownBadge known={known} />
      {detail && (
        <RowBadge variant="outline" color="gray">
          {detail === 'name' ? t('extraction.fileName') : indicator.attack_kind ? t(`attackKinds.${indicator.attack_kind}`) : detail}
        </RowBadge>
      )}
      {indicator.flags.map((flag) => (
        <RowTooltip key={flag.code} label={flagReason(flag)} multiline maw={320} withArrow>
          <RowBadge variant="light" color={flag.code === 'denied' || flag.code === 'defanged' ? 'red' : 'orange'} tabIndex={0} data-flag={flag.code}>
            {t(`extraction.flags.${flag.code}`)}
          </RowBadge>
        </RowTooltip>
      ))}
      {first && (
        <span className="indicator-row-page">
          {t('extraction.page', { page: first.page })}
          {indicator.occurrenceCount > 1 ? ` ×${indicator.occurrenceCount}` : ''}
        </span>
      )}
    </div>
  );
}, (before, after) =>
  before.indicator === after.indicator && before.checked === after.checked && before.focused === after.focused &&
  before.onToggle === after.onToggle && before.onFocus === after.onFocus && sameKnown(before.known, after.known));

interface HeaderProps {
  group: IndicatorGroup;
  keys: readonly string[];
  selected: ReadonlySet<string>;
  onSetMany: (keys: readonly string[], selected: boolean) => void;
  /** Issue 16: what the knowledge base holds already; undefined while it is asked. */
  known: ReadonlyMap<string, KnownValue> | undefined;
  /** Every value of the group is hidden by "new only". */
  allKnown: boolean;
}

export function GroupHeader({ group, keys, selected, onSetMany, known, allKnown }: HeaderProps) {
  const { t } = useTranslation();
  const ticked = keys.filter((key) => selected.has(key)).length;
  const counts = countKnown(group.indicators, known);
  return (
    <div data-testid="indicator-group" data-type={group.type} role="group" aria-label={t(`extraction.groups.${group.type}`)}>
      <Group gap="xs" h={HEADER_HEIGHT} align="flex-end" pb={4} wrap="nowrap">
        <Checkbox
          checked={ticked === keys.length}
          indeterminate={ticked > 0 && ticked < keys.length}
          onChange={() => onSetMany(keys, ticked < keys.length)}
          aria-label={t('extraction.selectType', { type: t(`extraction.groups.${group.type}`) })}
          data-testid="select-type"
        />
        <TypeIcon type={group.type} size={20} />
        <Text fw={600} size="sm">
          {t(`extraction.groups.${group.type}`)}
        </Text>
        <Badge size="sm" variant="light" color="gray">
          {ticked} / {keys.length}
        </Badge>
        {counts && (
          <Text size="xs" c="dimmed" data-testid="known-counts" data-new={counts.new} data-known={counts.known}>
            {t('extractionReview.groupCounts', { new: counts.new, known: counts.known })}
          </Text>
        )}
      </Group>
      {allKnown && (
        <Text size="sm" c="dimmed" pl="lg" h={ALL_KNOWN_HEIGHT} data-testid="all-known">
          {t('extractionReview.allKnown')}
        </Text>
      )}
    </div>
  );
}
