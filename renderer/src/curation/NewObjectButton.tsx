/** The "New…" button of the Knowledge, Observables and Reports pages and of an object's page. */
import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateObjectModal, type CreateOffer } from './CreateObjectModal.tsx';

export function NewObjectButton({ offer, relateTo, size = 'sm' }: { offer: CreateOffer; relateTo?: { id: string; type: string; name: string }; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} variant={relateTo ? 'subtle' : 'filled'} leftSection={<IconPlus size={size === 'xs' ? 14 : 16} />} onClick={() => setOpen(true)} data-testid={relateTo ? 'new-related' : 'new-object'}>
        {relateTo ? t('curation.newRelated') : t('curation.new')}
      </Button>
      {open && <CreateObjectModal offer={offer} onClose={() => setOpen(false)} {...(relateTo ? { relateTo } : {})} />}
    </>
  );
}
