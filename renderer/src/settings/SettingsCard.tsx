/** One card of the Settings page: its title, a line of help, then what it holds. */
import { Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function SettingsCard({ testId, title, help, children }: { testId: string; title: string; help: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder radius="lg" padding="lg" data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {help}
      </Text>
      {children}
    </Card>
  );
}
