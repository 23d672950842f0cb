/** The line shown after a hand change: what was done, and an Undo button that takes it back. */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../app/useAction.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';

export function UndoNotice({ message, undoId, onClose }: { message: string; undoId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { run, busy, error } = useAction();
  const [undone, setUndone] = useState<string | null>(null);
  const undo = () =>
    run(async () => {
      const result = await knowledgeBase().undoEdit({ undoId });
      setUndone(result.undone);
      notifyKnowledgeChanged();
    });
  return (
    <Alert color={error ? 'red' : 'teal'} withCloseButton onClose={onClose} closeButtonLabel={t('kb.detail.close')} data-testid="undo-notice">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{undone ? t('versions.undone', { label: undone }) : (error ?? message)}</Text>
        {!undone && (
          <Button size="compact-xs" variant="light" leftSection={<IconArrowBackUp size={14} />} loading={busy} onClick={() => void undo()} data-testid="undo">
            {t('versions.undo')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
