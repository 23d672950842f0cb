/** Pieces the TAXII server card's sections and forms share. */
import { Alert, Button, Group, Modal, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A section's heading with its "add" button. */
export function SectionHeader({ title, addLabel, addTestId, onAdd }: { title: string; addLabel: string; addTestId: string; onAdd: () => void }) {
  return (
    <Group justify="space-between">
      <Title order={4} size="h6">{title}</Title>
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd} data-testid={addTestId}>
        {addLabel}
      </Button>
    </Group>
  );
}

interface FormModalProps {
  title: string;
  saving: boolean;
  /** main's refusal or the form's own check, shown above the buttons. */
  error: string | null;
  cancelLabel: string;
  submitLabel: string;
  submitTestId: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** A modal form: Enter submits, it cannot be closed while saving, and a refusal stays on screen. */
export function FormModal({ title, saving, error, cancelLabel, submitLabel, submitTestId, onSubmit, onClose, children }: FormModalProps) {
  return (
    <Modal opened onClose={saving ? () => undefined : onClose} title={title} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          {children}
          {error !== null && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={saving}>
              {cancelLabel}
            </Button>
            <Button type="submit" loading={saving} data-testid={submitTestId}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
