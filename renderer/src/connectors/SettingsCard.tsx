/** The settings panel under a connector's card, with the warning where secrets are not kept. */
import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function SettingsCard({ secretsPersistent, children }: { secretsPersistent: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder mt="sm" padding="md">
      {!secretsPersistent && (
        <Text size="xs" c="orange" mb="xs">
          {t('connectors.secretsNotKept')}
        </Text>
      )}
      {children}
    </Card>
  );
}
