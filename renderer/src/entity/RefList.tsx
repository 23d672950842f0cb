/**
 * A list of references shown as names (issue 15): a long one shows its first page and says
 * how many there are, with a button for each next page; it never stops silently.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ObjectRef } from '../knowledge/ObjectRef.tsx';

const PAGE = 25;

export function RefList({ ids, inline = false }: { ids: readonly string[]; inline?: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  if (ids.length === 0) return <Text size="sm" c="dimmed">{t('entity.ref.none')}</Text>;
  const visible = ids.slice(0, shown);
  const rest = ids.length - visible.length;
  const Layout = inline ? Group : Stack;
  return (
    <Stack gap={4} data-testid="ref-list">
      <Layout gap={inline ? 'sm' : 4}>
        {visible.map((id) => (
          <ObjectRef key={id} id={id} size="sm" />
        ))}
      </Layout>
      {rest > 0 && (
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {t('entity.ref.shown', { shown: visible.length, total: ids.length })}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => setShown((value) => value + PAGE * 4)} data-testid="ref-list-more">
            {t('entity.ref.more', { count: Math.min(rest, PAGE * 4) })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
