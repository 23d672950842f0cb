/** The detail view's hand-curation buttons: edit this object, create a related one. */
import { Button } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { specCategory } from '../../../core/stix/model/categories.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { EditObjectModal } from './EditObjectModal.tsx';
import { fieldsFor } from './forms/formModel.ts';
import { NewObjectButton } from './NewObjectButton.tsx';

export function CurationActions({ stix, name }: { stix: JsonObject; name: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const type = String(stix['type']);
  const category = specCategory(type);
  // Markings and other meta objects, and custom types, have no generated form.
  if (category === undefined || category === 'meta' || fieldsFor(type).length === 0) return null;
  return (
    <>
      <Button variant="subtle" size="xs" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)} data-testid="detail-edit">
        {t('curation.edit')}
      </Button>
      {category !== 'sro' && <NewObjectButton offer="any" size="xs" relateTo={{ id: String(stix['id']), type, name }} />}
      {editing && <EditObjectModal stix={stix} name={name} onClose={() => setEditing(false)} />}
    </>
  );
}
