/**
 * Delete, said in full before it happens (issue 17, point 2): what will keep pointing at
 * nothing (a report's contents, a note about it: counts and a few names), the relationships
 * that go with it, and revoke offered as the way to keep it. The delete goes to the trash
 * with an optional why (issue 21, point 5), and can be undone or restored from there.
 */
import { Alert, Button, Group, List, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../app/useAction.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { useTypeName } from '../knowledge/TypeLabel.tsx';
import { useUndoStore } from './undoStore.ts';

export function DeleteDialog({ ids, name, onClose, onDeleted }: { ids: string[]; name?: string; onClose: () => void; onDeleted?: () => void }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const dangling = useKbQuery(() => knowledgeBase().danglingReferences({ ids }), [ids.join(',')]);
  const retention = useKbQuery(() => knowledgeBase().getTrashRetention({}), []);
  const [why, setWhy] = useState('');
  const { run, busy, error } = useAction();
  const remove = () =>
    run(async () => {
      const { deleted, undoId } = await knowledgeBase().deleteObjectsUndoably({ ids, why });
      useUndoStore.getState().offerUndo({ message: t('versions.deleteDialog.deleted', { count: deleted }), undoId });
      notifyKnowledgeChanged();
      onDeleted?.();
      onClose();
    });
  const found = dangling.data;
  return (
    <Modal opened onClose={onClose} title={name ? t('versions.deleteDialog.title', { name }) : t('versions.deleteDialog.titleMany', { count: ids.length })}>
      <Stack gap="sm" data-testid="delete-dialog">
        {!found ? (
          <Group gap="xs"><Loader size="xs" /><Text size="sm">{t('versions.deleteDialog.checking')}</Text></Group>
        ) : (
          <>
            {found.count > 0 ? (
              <Alert color="orange" data-testid="delete-dangling" data-count={found.count}>
                <Text size="sm">{t('versions.deleteDialog.dangling', { count: found.count })}</Text>
                <List size="sm" mt={4}>
                  {found.examples.map((example) => (
                    <List.Item key={example.id}>
                      {example.name} <Text span size="xs" c="dimmed">({typeName(example.type)})</Text>
                    </List.Item>
                  ))}
                </List>
                {found.count > found.examples.length && <Text size="xs" c="dimmed">{t('versions.deleteDialog.andMore', { count: found.count - found.examples.length })}</Text>}
              </Alert>
            ) : (
              <Text size="sm">{t('versions.deleteDialog.nothingDangling')}</Text>
            )}
            {found.alsoDeleted > 0 && <Text size="sm">{t('versions.deleteDialog.alsoDeleted', { count: found.alsoDeleted })}</Text>}
            <Text size="xs" c="dimmed">{t('versions.deleteDialog.revokeInstead')}</Text>
          </>
        )}
        {retention.data && <Text size="sm" data-testid="delete-to-trash">{t('trash.toTrash', { days: retention.data.days })}</Text>}
        <TextInput label={t('trash.deleteWhy')} placeholder={t('trash.deleteWhyPlaceholder')} value={why} maxLength={1000} onChange={(event) => setWhy(event.currentTarget.value)} data-testid="delete-why" />
        {(error ?? dangling.error) && <Alert color="red">{error ?? dangling.error?.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('versions.deleteDialog.cancel')}</Button>
          <Button color="red" loading={busy} disabled={!found} onClick={() => void remove()} data-testid="delete-confirm">
            {t('versions.deleteDialog.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
