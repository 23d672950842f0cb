/**
 * "Reset state — re-import everything on the next run" on an import connector's card
 * (issue 14), and the line that says the state was reset until the next delivered run.
 */
import { Button, Text } from '@mantine/core';
import { IconRefreshAlert } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectorSummary } from '../../../core/ipc/channels.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { invoke } from '../ipc/client.ts';
import { useConnectorStore } from './connectorStore.ts';
import { connectorText } from './connectorTextJa.ts';

export function ResetStateButton({ connector }: { connector: ConnectorSummary }) {
  const { t, i18n } = useTranslation();
  const name = connectorText(connector.name, i18n.language);
  const replace = useConnectorStore((state) => state.replace);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconRefreshAlert size={14} />} onClick={() => setOpen(true)} data-testid="connector-reset-state">
        {t('connectors.resetState')}
      </Button>
      {open && (
        <ConfirmDialog
          title={t('connectors.resetStateTitle', { name })}
          confirmLabel={t('connectors.resetStateConfirm')}
          cancelLabel={t('connectors.cancel')}
          confirmTestId="connector-reset-confirm"
          onClose={() => setOpen(false)}
          onConfirm={async () => replace(await invoke('connector:reset-state', { id: connector.id, reason: 'analyst' }))}
        >
          <Text>{t('connectors.resetStateBody', { name })}</Text>
        </ConfirmDialog>
      )}
    </>
  );
}

export function StateResetNote({ reset }: { reset: NonNullable<ConnectorSummary['stateReset']> }) {
  const { t, i18n } = useTranslation();
  return (
    <Text size="xs" c="orange" data-testid="connector-state-reset" data-reason={reset.reason}>
      {t(`connectors.stateReset.${reset.reason}`, { at: new Date(reset.at).toLocaleString(i18n.language) })}
    </Text>
  );
}
