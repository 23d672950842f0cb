import { Stack, Text, Title } from '@mantine/core';

export function PageHeader({ title, description }: { title: string; description: string }) {
  return (
    <Stack gap={4} mb="xl">
      <Title order={2} data-testid="page-title">
        {title}
      </Title>
      <Text c="dimmed">{description}</Text>
    </Stack>
  );
}
