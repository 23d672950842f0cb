/**
 * Where the list comes in: pasted into the box, or a .txt/.csv file dropped on it or
 * chosen. The file is read as text here; only the extraction engine looks inside it.
 */
import { Alert, Button, FileButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconFileUpload, IconListSearch } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLookupStore } from './lookupStore.ts';

const MAX_FILE_BYTES = 64 * 1024 * 1024;
const TEXT_FILE = /\.(txt|csv|tsv|log|ioc|list)$/i;

export function LookupInput() {
  const { t } = useTranslation();
  const text = useLookupStore((state) => state.text);
  const fileName = useLookupStore((state) => state.fileName);
  const busy = useLookupStore((state) => state.status === 'finding' || state.status === 'asking');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const take = async (file: File | null) => {
    if (!file) return;
    setRefusal(null);
    if (!TEXT_FILE.test(file.name) && !file.type.startsWith('text/')) return setRefusal(t('lookup.fileRefused', { name: file.name }));
    if (file.size > MAX_FILE_BYTES) return setRefusal(t('lookup.fileTooLarge', { name: file.name }));
    useLookupStore.getState().setText(await file.text(), file.name);
    void useLookupStore.getState().lookUp();
  };
  // A file dropped here is looked up, not imported: the shell's window-wide drop goes to Import.
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setDragging(false);
    void take(event.dataTransfer.files[0] ?? null);
  };

  return (
    <Stack gap="xs">
      <Textarea
        label={t('lookup.pasteLabel')}
        description={t('lookup.dropHint')}
        placeholder={t('lookup.pastePlaceholder')}
        value={text}
        onChange={(event) => useLookupStore.getState().setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !busy) void useLookupStore.getState().lookUp();
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.stopPropagation();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        autosize
        minRows={4}
        maxRows={10}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', outline: dragging ? '2px dashed var(--mantine-primary-color-filled)' : undefined } }}
        data-testid="lookup-text"
      />
      {fileName && <Text size="xs" c="dimmed">{t('lookup.fileRead', { name: fileName })}</Text>}
      {refusal && (
        <Alert color="red" variant="light" data-testid="lookup-refusal">
          {refusal}
        </Alert>
      )}
      <Group gap="xs">
        <Button leftSection={<IconListSearch size={16} />} onClick={() => void useLookupStore.getState().lookUp()} disabled={text.trim() === '' || busy} data-testid="lookup-run">
          {t('lookup.run')}
        </Button>
        <FileButton onChange={(file) => void take(file)} accept=".txt,.csv,.tsv,.log,text/plain,text/csv">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconFileUpload size={16} />} disabled={busy}>
              {t('lookup.chooseFile')}
            </Button>
          )}
        </FileButton>
        <Button variant="subtle" color="gray" onClick={() => useLookupStore.getState().clear()} disabled={text === ''}>
          {t('lookup.clear')}
        </Button>
      </Group>
    </Stack>
  );
}
