/** "Add from knowledge base": search, tick, add; objects already on the graph are marked. */
import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { TypeIcon, useTypeName } from '../knowledge/TypeLabel.tsx';
import { useGraphModel, useInvestigationStore } from './investigationStore.ts';

export function AddFromKbModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const model = useGraphModel();
  const addObjects = useInvestigationStore((state) => state.addObjects);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const [ticked, setTicked] = useState<string[]>([]);
  const hits = useKbQuery(() => (debounced ? knowledgeBase().search({ query: debounced, limit: 100 }) : Promise.resolve([])), [debounced]);
  const rows = (hits.data ?? []).filter((row) => row.type !== 'relationship' && row.type !== 'sighting');

  const add = async () => {
    await addObjects(ticked);
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('investigate.addFromKb')} size="lg">
      <Stack gap="sm">
        <TextInput
          data-autofocus
          leftSection={<IconSearch size={16} />}
          placeholder={t('kb.searchPlaceholder')}
          aria-label={t('kb.searchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          data-testid="add-search"
        />
        <ScrollArea h={360}>
          <Stack gap={4}>
            {!debounced && <Text c="dimmed" size="sm">{t('investigate.addHint')}</Text>}
            {debounced && hits.data && rows.length === 0 && <Text c="dimmed" size="sm">{t('kb.noMatch', { query: debounced })}</Text>}
            {rows.map((row) => {
              const onGraph = model.nodes.has(row.id);
              return (
                <Checkbox
                  key={row.id}
                  disabled={onGraph}
                  checked={onGraph || ticked.includes(row.id)}
                  onChange={() => setTicked((list) => (list.includes(row.id) ? list.filter((id) => id !== row.id) : [...list, row.id]))}
                  data-testid="add-row"
                  label={
                    <Group gap={6} wrap="nowrap">
                      <TypeIcon type={row.type} size={18} />
                      <Text size="sm" truncate>
                        {row.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {onGraph ? t('investigate.onGraph') : typeName(row.type)}
                      </Text>
                    </Group>
                  }
                />
              );
            })}
          </Stack>
        </ScrollArea>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('investigate.cancel')}
          </Button>
          <Button disabled={ticked.length === 0} onClick={() => void add()} data-testid="add-confirm">
            {t('investigate.addCount', { count: ticked.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
