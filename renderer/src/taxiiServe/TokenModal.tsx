/**
 * A new client's token, shown this once (issue 18, point 2): main keeps only its hash, so
 * the modal says plainly that it cannot be shown again. The token lives in this modal's
 * props only; closing it drops the last copy the window holds.
 */
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function TokenModal({ name, token, onClose }: { name: string; token: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    // Only the button closes it: a stray click or Escape must not lose the token before it is copied.
    <Modal opened onClose={onClose} closeOnClickOutside={false} closeOnEscape={false} withCloseButton={false} title={t('taxiiServe.token.title', { name })} size="lg">
      <Stack gap="sm" data-testid="taxii-token-modal">
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
          {t('taxiiServe.token.warning')}
        </Alert>
        <Code block data-testid="taxii-serve-token" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {token}
        </Code>
        <Text size="sm" c="dimmed">{t('taxiiServe.token.usage')}</Text>
        <Group justify="space-between">
          <CopyButton value={token}>
            {({ copied, copy }) => (
              <Button variant="light" leftSection={<IconCopy size={16} />} onClick={copy} data-autofocus data-testid="taxii-token-copy">
                {copied ? t('taxiiServe.token.copied') : t('taxiiServe.token.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose} data-testid="taxii-token-done">
            {t('taxiiServe.token.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
