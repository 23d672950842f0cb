/**
 * The server's named clients (issue 18, point 2): what each may read or write, whether it
 * is still allowed in; add one (its token shown once), change its rights, revoke it.
 */
import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconBan, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { ClientForm } from './ClientForm.tsx';
import { SectionHeader } from './parts.tsx';
import { useTaxiiServeStore, type ServedCollectionView, type ServerClientView } from './taxiiServeStore.ts';
import { TokenModal } from './TokenModal.tsx';

function RightsSummary({ client, collections }: { client: ServerClientView; collections: ServedCollectionView[] }) {
  const { t } = useTranslation();
  const granted = collections.flatMap((collection) => {
    const right = client.rights[collection.id];
    if (right === undefined) return [];
    return [t(right === 'read' ? 'taxiiServe.clients.rightRead' : 'taxiiServe.clients.rightReadWrite', { title: collection.title })];
  });
  if (granted.length === 0) return <Text size="sm" c="dimmed">{t('taxiiServe.clients.noRights')}</Text>;
  return (
    <Stack gap={0}>
      {granted.map((line) => (
        <Text key={line} size="sm">{line}</Text>
      ))}
    </Stack>
  );
}

function ClientRow({ client, collections, onEdit, onRevoke }: { client: ServerClientView; collections: ServedCollectionView[]; onEdit: () => void; onRevoke: () => void }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);
  const revoked = client.revokedAt !== null;
  return (
    <Table.Tr data-testid="taxii-client-row" data-revoked={revoked}>
      <Table.Td>
        <Text size="sm" fw={500} td={revoked ? 'line-through' : undefined} c={revoked ? 'dimmed' : undefined}>{client.name}</Text>
      </Table.Td>
      <Table.Td>{revoked ? <Text size="sm" c="dimmed">—</Text> : <RightsSummary client={client} collections={collections} />}</Table.Td>
      <Table.Td>
        {client.revokedAt !== null ? (
          <Badge color="red" variant="light" tt="none" data-testid="taxii-client-status">{t('taxiiServe.clients.revoked', { date: date(client.revokedAt) })}</Badge>
        ) : (
          <Badge color="teal" variant="light" tt="none" data-testid="taxii-client-status">{t('taxiiServe.clients.active', { date: date(client.createdAt) })}</Badge>
        )}
      </Table.Td>
      <Table.Td>
        {!revoked && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('taxiiServe.clients.editRights', { name: client.name })}>
              <ActionIcon variant="subtle" aria-label={t('taxiiServe.clients.editRights', { name: client.name })} onClick={onEdit} data-testid="taxii-client-edit">
                <IconKey size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('taxiiServe.clients.revoke', { name: client.name })}>
              <ActionIcon variant="subtle" color="red" aria-label={t('taxiiServe.clients.revoke', { name: client.name })} onClick={onRevoke} data-testid="taxii-client-revoke">
                <IconBan size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function ClientsSection({ clients, collections }: { clients: ServerClientView[]; collections: ServedCollectionView[] }) {
  const { t } = useTranslation();
  const revokeClient = useTaxiiServeStore((state) => state.revokeClient);
  const [editing, setEditing] = useState<ServerClientView | 'new' | null>(null);
  const [revoking, setRevoking] = useState<ServerClientView | null>(null);
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  return (
    <Stack gap="xs">
      <SectionHeader title={t('taxiiServe.clients.title')} addLabel={t('taxiiServe.clients.add')} addTestId="taxii-client-add" onAdd={() => setEditing('new')} />
      {clients.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="taxii-clients-empty">{t('taxiiServe.clients.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('taxiiServe.clients.columns.name')}</Table.Th>
                <Table.Th>{t('taxiiServe.clients.columns.rights')}</Table.Th>
                <Table.Th>{t('taxiiServe.clients.columns.status')}</Table.Th>
                <Table.Th w={80}>{t('taxiiServe.clients.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clients.map((client) => (
                <ClientRow key={client.id} client={client} collections={collections} onEdit={() => setEditing(client)} onRevoke={() => setRevoking(client)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing !== null && (
        <ClientForm
          client={editing === 'new' ? null : editing}
          collections={collections}
          onClose={() => setEditing(null)}
          onAdded={(name, token) => {
            setEditing(null);
            setShown({ name, token });
          }}
        />
      )}
      {shown !== null && <TokenModal name={shown.name} token={shown.token} onClose={() => setShown(null)} />}
      {revoking !== null && (
        <ConfirmDialog
          title={t('taxiiServe.clients.revokeTitle')}
          confirmLabel={t('taxiiServe.clients.revokeConfirm')}
          cancelLabel={t('taxiiServe.clients.cancel')}
          confirmTestId="taxii-client-revoke-confirm"
          danger
          onClose={() => setRevoking(null)}
          onConfirm={() => revokeClient(revoking.id)}
        >
          <Text size="sm">{t('taxiiServe.clients.revokeBody', { name: revoking.name })}</Text>
        </ConfirmDialog>
      )}
    </Stack>
  );
}
