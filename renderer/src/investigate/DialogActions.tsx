/** The end of every workbench dialog: the write's error, if any, then Cancel and the action. */
import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function DialogActions({ error, busy, disabled = false, label, testId, onCancel, onConfirm }: { error: string | null; busy: boolean; disabled?: boolean; label: string; testId: string; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('investigate.cancel')}
        </Button>
        <Button onClick={onConfirm} loading={busy} disabled={disabled} data-testid={testId}>
          {label}
        </Button>
      </Group>
    </>
  );
}
