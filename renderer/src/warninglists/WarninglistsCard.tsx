/**
 * Settings → Warninglists (issue 21, point 4): every list in force or available — the
 * shipped ones, newer copies and the analyst's own — with its name, version, licence,
 * type, size and whether a hit is benign or context, a switch each, and "Add a newer copy
 * from disk". The chosen file goes to the KB worker as it is; it is parsed there
 * (renderer/src/kb/warninglists/manage.ts), never in main.
 */
import { Alert, Button, Card, Divider, FileButton, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFileUpload } from '@tabler/icons-react';
import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase } from '../kb/client.ts';
import type { WarninglistSummary } from '../kb/warninglists/choices.ts';
import type { AddOutcome } from '../kb/warninglists/manage.ts';
import { WarninglistRow } from './WarninglistRow.tsx';

type Message = { ok: boolean; text: string };
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function WarninglistsCard() {
  const { t } = useTranslation();
  const [lists, setLists] = useState<WarninglistSummary[] | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    knowledgeBase()
      .listWarninglists({})
      .then(
        (loaded) => setLists(loaded.lists),
        (error: unknown) => setMessage({ ok: false, text: t('warninglists.loadFailed', { message: messageOf(error) }) }),
      );
  }, [t]);

  const change = async (run: () => Promise<{ lists: WarninglistSummary[] }>, done?: string) => {
    try {
      setLists((await run()).lists);
      setMessage(done === undefined ? null : { ok: true, text: done });
    } catch (error) {
      setMessage({ ok: false, text: t('warninglists.failed', { message: messageOf(error) }) });
    }
  };

  const outcomeText = (outcome: AddOutcome, file: string): string => {
    const version = (value: number | null) => (value === null ? t('warninglists.unknownVersion') : String(value));
    if (outcome.ok) return t(`warninglists.added.${outcome.origin}`, { name: outcome.name, version: version(outcome.version), count: outcome.entries });
    switch (outcome.reason) {
      case 'too-large':
        return t('warninglists.refused.too-large', { file, size: Math.ceil(outcome.bytes / 1024 / 1024) });
      case 'not-json':
      case 'not-a-list':
        return t(`warninglists.refused.${outcome.reason}`, { file, detail: outcome.detail });
      case 'empty':
        return t('warninglists.refused.empty', { file, name: outcome.name });
      case 'not-newer':
        return t('warninglists.refused.not-newer', { file, name: outcome.name, version: version(outcome.version), shipped: outcome.shippedVersion });
    }
  };

  const add = async (file: File | null) => {
    if (file === null) return;
    setReading(file.name);
    setMessage(null);
    try {
      const outcome = await knowledgeBase().addWarninglist({ file, name: file.name });
      if (outcome.ok) setLists(outcome.lists);
      setMessage({ ok: outcome.ok, text: outcomeText(outcome, file.name) });
    } catch (error) {
      setMessage({ ok: false, text: t('warninglists.failed', { message: messageOf(error) }) });
    } finally {
      setReading(null);
    }
  };

  // A list dropped here is added, not imported: the shell's window-wide drop goes to Import.
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setDragging(false);
    void add(event.dataTransfer.files[0] ?? null);
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setDragging(true);
  };

  const busy = lists === null || reading !== null;
  return (
    <Card withBorder radius="lg" padding="lg" data-testid="warninglists-card">
      <Title order={3} size="h5">
        {t('warninglists.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('warninglists.body')}
      </Text>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} icon={message.ok ? <IconCheck size={18} /> : <IconAlertTriangle size={18} />} mb="sm" withCloseButton onClose={() => setMessage(null)} role={message.ok ? 'status' : 'alert'} data-testid="warninglists-message">
          {message.text}
        </Alert>
      )}
      {lists === null && message === null && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{t('warninglists.loading')}</Text>
        </Group>
      )}
      <Stack gap="sm">
        {lists?.map((list, index) => (
          <div key={list.name}>
            {index > 0 && <Divider mb="sm" />}
            <WarninglistRow
              list={list}
              busy={busy}
              onToggle={(enabled) => void change(() => knowledgeBase().setWarninglistEnabled({ name: list.name, enabled }))}
              onRemove={() => void change(() => knowledgeBase().removeWarninglist({ name: list.name }), t('warninglists.removed', { name: list.name }))}
            />
          </div>
        ))}
      </Stack>
      <Stack
        gap={6}
        mt="md"
        p="sm"
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{ border: `1px dashed ${dragging ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-default-border)'}`, borderRadius: 'var(--mantine-radius-md)' }}
        data-testid="warninglist-drop"
      >
        <Group gap="sm">
          <FileButton onChange={(file) => void add(file)} accept=".json,application/json">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileUpload size={16} />} disabled={busy} data-testid="warninglist-add">
                {t('warninglists.add')}
              </Button>
            )}
          </FileButton>
          {reading === null ? (
            <Text size="xs" c="dimmed">
              {t('warninglists.dropHere')}
            </Text>
          ) : (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">{t('warninglists.reading', { name: reading })}</Text>
            </Group>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('warninglists.addHelp')}
        </Text>
      </Stack>
    </Card>
  );
}
