/**
 * The Knowledge table's merge actions: "Merge…" on two or more ticked objects of one type,
 * and "Possible duplicates" for the types the page lists.
 */
import { Button } from '@mantine/core';
import { IconArrowMerge, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeableType } from '../../../core/curation/combineDuplicates.ts';
import { DuplicatesView } from './DuplicatesView.tsx';
import { MergeDialog } from './MergeDialog.tsx';

const typeOfId = (id: string): string => id.slice(0, id.indexOf('--'));

export function MergeSelectedButton({ ids, onMerged }: { ids: readonly string[]; onMerged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const types = new Set(ids.map(typeOfId));
  const [type] = [...types];
  const possible = ids.length >= 2 && types.size === 1 && type !== undefined && mergeableType(type);
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconArrowMerge size={14} />} disabled={!possible} title={possible ? undefined : t('merge.mergeNeedsOneType')} onClick={() => setOpen(true)} data-testid="merge-selected">
        {t('merge.mergeSelected')}
      </Button>
      {open && <MergeDialog ids={ids} onClose={() => setOpen(false)} onMerged={onMerged} />}
    </>
  );
}

export function DuplicatesButton({ types, selected }: { types: readonly string[]; selected: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const mergeable = types.filter(mergeableType);
  if (mergeable.length === 0) return null;
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconCopy size={14} />} onClick={() => setOpen(true)} data-testid="possible-duplicates">
        {t('merge.duplicates')}
      </Button>
      {open && <DuplicatesView types={mergeable} initialType={selected && mergeableType(selected) ? selected : null} onClose={() => setOpen(false)} />}
    </>
  );
}
