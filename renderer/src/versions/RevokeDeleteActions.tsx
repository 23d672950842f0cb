/** The detail view's Revoke (STIX `revoked: true`, as a new version) and Delete, side by side. */
import { Button } from '@mantine/core';
import { IconBan, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isScoType } from '../../../core/stix/model/categories.ts';
import { useAction } from '../app/useAction.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import type { ObjectSummary } from '../kb/queries/summary.ts';
import { DeleteDialog } from './DeleteDialog.tsx';
import { useUndoStore } from './undoStore.ts';

export function RevokeDeleteActions({ summary, onDeleted }: { summary: ObjectSummary; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [deleting, setDeleting] = useState(false);
  const { run, busy } = useAction();
  // STIX 2.1 gives observables no `revoked`; a revoked object stays revoked.
  const revocable = !isScoType(summary.type) && !summary.revoked;
  const revoke = () =>
    run(async () => {
      if (!window.confirm(t('versions.revokeConfirm', { name: summary.name }))) return;
      const { undoId } = await knowledgeBase().revokeObjects({ ids: [summary.id] });
      useUndoStore.getState().offerUndo({ message: t('versions.revoked'), undoId });
      notifyKnowledgeChanged();
    });
  return (
    <>
      {revocable && (
        <Button variant="subtle" color="orange" size="xs" leftSection={<IconBan size={14} />} loading={busy} onClick={() => void revoke()} data-testid="detail-revoke">
          {t('versions.revoke')}
        </Button>
      )}
      <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(true)} data-testid="detail-delete">
        {t('kb.detail.delete')}
      </Button>
      {deleting && <DeleteDialog ids={[summary.id]} name={summary.name} onClose={() => setDeleting(false)} onDeleted={onDeleted} />}
    </>
  );
}
