/** The collections the server publishes (issue 18, point 2): listed by what they show, added, edited and removed. */
import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { CollectionForm } from './CollectionForm.tsx';
import { SectionHeader } from './parts.tsx';
import { useTaxiiServeStore, type ServedCollectionView } from './taxiiServeStore.ts';
import { tlpName, ViewSummary } from './viewSummary.tsx';

function CollectionRow({ collection, onEdit, onRemove }: { collection: ServedCollectionView; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="taxii-collection-row">
      <Table.Td>
        <Group gap={6}>
          <Text size="sm" fw={500}>{collection.title}</Text>
          {collection.writable && <Badge size="xs" variant="light">{t('taxiiServe.collections.writable')}</Badge>}
        </Group>
        {collection.description !== '' && <Text size="xs" c="dimmed" lineClamp={2}>{collection.description}</Text>}
      </Table.Td>
      <Table.Td>
        <ViewSummary view={collection.view} maxTlp={collection.maxTlp} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{tlpName(collection.maxTlp)}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('taxiiServe.collections.edit', { title: collection.title })}>
            <ActionIcon variant="subtle" aria-label={t('taxiiServe.collections.edit', { title: collection.title })} onClick={onEdit} data-testid="taxii-collection-edit">
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('taxiiServe.collections.remove', { title: collection.title })}>
            <ActionIcon variant="subtle" color="red" aria-label={t('taxiiServe.collections.remove', { title: collection.title })} onClick={onRemove} data-testid="taxii-collection-remove">
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function CollectionsSection({ collections }: { collections: ServedCollectionView[] }) {
  const { t } = useTranslation();
  const removeCollection = useTaxiiServeStore((state) => state.removeCollection);
  const [editing, setEditing] = useState<ServedCollectionView | 'new' | null>(null);
  const [removing, setRemoving] = useState<ServedCollectionView | null>(null);
  return (
    <Stack gap="xs">
      <SectionHeader title={t('taxiiServe.collections.title')} addLabel={t('taxiiServe.collections.add')} addTestId="taxii-collection-add" onAdd={() => setEditing('new')} />
      {collections.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="taxii-collections-empty">{t('taxiiServe.collections.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('taxiiServe.collections.columns.title')}</Table.Th>
                <Table.Th>{t('taxiiServe.collections.columns.shows')}</Table.Th>
                <Table.Th>{t('taxiiServe.collections.columns.maxTlp')}</Table.Th>
                <Table.Th w={80}>{t('taxiiServe.collections.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {collections.map((collection) => (
                <CollectionRow key={collection.id} collection={collection} onEdit={() => setEditing(collection)} onRemove={() => setRemoving(collection)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing !== null && <CollectionForm collection={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {removing !== null && (
        <ConfirmDialog
          title={t('taxiiServe.collections.removeTitle')}
          confirmLabel={t('taxiiServe.collections.removeConfirm')}
          cancelLabel={t('taxiiServe.collections.cancel')}
          confirmTestId="taxii-collection-remove-confirm"
          danger
          onClose={() => setRemoving(null)}
          onConfirm={() => removeCollection(removing.id)}
        >
          <Text size="sm">{t('taxiiServe.collections.removeBody', { title: removing.title })}</Text>
        </ConfirmDialog>
      )}
    </Stack>
  );
}
