/** A confirmation for an action that cannot be taken back: what it does, Cancel, and the action (red when it destroys). */
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useAction } from './useAction.ts';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  confirmTestId: string;
  danger?: boolean;
  /** Kept off while what the dialog states is still loading (a count). */
  disabled?: boolean;
  /** The dialog closes when it resolves and shows its error when it throws. */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, confirmTestId, danger = false, disabled = false, onConfirm, onClose }: ConfirmDialogProps) {
  const { run, busy, error } = useAction();
  const confirm = () =>
    run(async () => {
      await onConfirm();
      onClose();
    });
  return (
    <Modal opened onClose={busy ? () => undefined : onClose} title={title} size="lg">
      <Stack gap="sm">
        {children}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {cancelLabel}
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={() => void confirm()} loading={busy} disabled={disabled} data-testid={confirmTestId}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
