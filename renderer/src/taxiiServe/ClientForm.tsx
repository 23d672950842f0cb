/**
 * Names a new client, or changes a client's rights (issue 18, point 2): for each published
 * collection none, read, or read/write. A new client's token comes back from main once and
 * is handed to the caller, which shows it.
 */
import { SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../app/useAction.ts';
import { FormModal } from './parts.tsx';
import { useTaxiiServeStore, type ClientRights, type ServedCollectionView, type ServerClientView } from './taxiiServeStore.ts';

type Choice = 'none' | 'read' | 'read-write';

interface Props {
  client: ServerClientView | null;
  collections: ServedCollectionView[];
  onClose: () => void;
  onAdded: (name: string, token: string) => void;
}

function RightsTable({ collections, rights, onChange }: { collections: ServedCollectionView[]; rights: ClientRights; onChange: (rights: ClientRights) => void }) {
  const { t } = useTranslation();
  const choose = (id: string, choice: Choice) => {
    const rest = Object.fromEntries(Object.entries(rights).filter(([collection]) => collection !== id));
    onChange(choice === 'none' ? rest : { ...rest, [id]: choice });
  };
  return (
    <Table verticalSpacing={6}>
      <Table.Tbody>
        {collections.map((collection) => {
          const labelId = `taxii-rights-${collection.id}`;
          const current: Choice = rights[collection.id] ?? 'none';
          return (
            <Table.Tr key={collection.id}>
              <Table.Td>
                <Text size="sm" id={labelId}>{collection.title}</Text>
                {current === 'read-write' && !collection.writable && <Text size="xs" c="orange">{t('taxiiServe.clientForm.notWritable')}</Text>}
              </Table.Td>
              <Table.Td w={1}>
                <SegmentedControl
                  size="xs"
                  aria-labelledby={labelId}
                  value={current}
                  onChange={(value) => choose(collection.id, value === 'read' || value === 'read-write' ? value : 'none')}
                  data={[
                    { value: 'none', label: t('taxiiServe.clientForm.none') },
                    { value: 'read', label: t('taxiiServe.clientForm.read') },
                    { value: 'read-write', label: t('taxiiServe.clientForm.readWrite') },
                  ]}
                  data-testid="taxii-client-right"
                  data-collection={collection.title}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export function ClientForm({ client, collections, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const addClient = useTaxiiServeStore((state) => state.addClient);
  const setRights = useTaxiiServeStore((state) => state.setRights);
  const [name, setName] = useState(client?.name ?? '');
  const [rights, setRightsDraft] = useState<ClientRights>(client?.rights ?? {});
  const { run, busy: saving, error } = useAction();

  const save = () =>
    run(async () => {
      if (client) {
        await setRights(client.id, rights);
        onClose();
      } else {
        onAdded(name.trim(), await addClient(name.trim(), rights));
      }
    });

  return (
    <FormModal
      title={client ? t('taxiiServe.clientForm.editTitle', { name: client.name }) : t('taxiiServe.clientForm.addTitle')}
      saving={saving}
      error={error}
      cancelLabel={t('taxiiServe.clientForm.cancel')}
      submitLabel={client ? t('taxiiServe.clientForm.save') : t('taxiiServe.clientForm.add')}
      submitTestId="taxii-client-save"
      onSubmit={() => void save()}
      onClose={onClose}
    >
      {!client && <TextInput label={t('taxiiServe.clientForm.name')} description={t('taxiiServe.clientForm.nameHelp')} required data-autofocus value={name} onChange={(event) => setName(event.currentTarget.value)} data-testid="taxii-client-name" />}
      <Text size="sm" fw={500}>{t('taxiiServe.clientForm.rights')}</Text>
      {collections.length === 0 ? <Text size="sm" c="dimmed">{t('taxiiServe.clientForm.noCollections')}</Text> : <RightsTable collections={collections} rights={rights} onChange={setRightsDraft} />}
    </FormModal>
  );
}
