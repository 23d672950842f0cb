/** §2.6 hashes: algorithm (the hash-algorithm vocabulary suggested) and value, one per row. */
import { ActionIcon, Autocomplete, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { vocab } from '../../../../../core/stix/model/vocabularies.ts';

interface HashesFieldProps {
  label: string;
  error?: string | undefined;
  value: Record<string, string>;
  onChange: (hashes: Record<string, string>) => void;
  testId: string;
}

export function HashesField({ label, error, value, onChange, testId }: HashesFieldProps) {
  const { t } = useTranslation();
  const rows = Object.entries(value);
  const write = (next: [string, string][]) => onChange(Object.fromEntries(next));
  return (
    <Input.Wrapper label={label} error={error} data-testid={testId}>
      <Stack gap={6} mt={4}>
        {rows.map(([algorithm, digest], index) => (
          <Group key={index} gap={6} wrap="nowrap">
            <Autocomplete size="xs" w={140} aria-label={t('curation.form.hashAlgorithm')} data={[...vocab.hashAlgorithm]} value={algorithm} onChange={(next) => write(rows.map((row, at) => (at === index ? [next, row[1]] : row)))} />
            <TextInput size="xs" style={{ flex: 1 }} ff="monospace" aria-label={t('curation.form.hashValue', { algorithm })} value={digest} onChange={(event) => write(rows.map((row, at) => (at === index ? [row[0], event.currentTarget.value.trim()] : row)))} />
            <ActionIcon variant="subtle" color="gray" onClick={() => write(rows.filter((_, at) => at !== index))} aria-label={t('curation.form.removeRow', { index: index + 1 })}>
              <IconX size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => write([...rows, [vocab.hashAlgorithm.find((name) => !(name in value)) ?? '', '']])} style={{ alignSelf: 'flex-start' }}>
          {t('curation.form.addHash')}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
