/**
 * A list of small embedded objects typed as rows of text boxes: kill-chain phases,
 * external references. Empty rows are dropped when the object is built.
 */
import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface RowsFieldProps {
  label: string;
  error?: string | undefined;
  columns: readonly { key: string; required: boolean }[];
  columnLabel: (key: string) => string;
  value: Record<string, string>[];
  onChange: (rows: Record<string, string>[]) => void;
  testId: string;
}

export function RowsField({ label, error, columns, columnLabel, value, onChange, testId }: RowsFieldProps) {
  const { t } = useTranslation();
  const set = (index: number, key: string, text: string) => onChange(value.map((row, at) => (at === index ? { ...row, [key]: text } : row)));
  return (
    <Input.Wrapper label={label} error={error} data-testid={testId}>
      <Stack gap={6} mt={4}>
        {value.map((row, index) => (
          <Group key={index} gap={6} wrap="nowrap" align="flex-end">
            {columns.map((column) => (
              <TextInput key={column.key} size="xs" style={{ flex: 1 }} aria-label={`${label} ${index + 1}: ${columnLabel(column.key)}`} placeholder={columnLabel(column.key)} withAsterisk={column.required} value={row[column.key] ?? ''} onChange={(event) => set(index, column.key, event.currentTarget.value)} />
            ))}
            <ActionIcon variant="subtle" color="gray" onClick={() => onChange(value.filter((_, at) => at !== index))} aria-label={t('curation.form.removeRow', { index: index + 1 })}>
              <IconX size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => onChange([...value, {}])} style={{ alignSelf: 'flex-start' }}>
          {t('curation.form.addRow')}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
