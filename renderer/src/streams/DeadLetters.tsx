/** A consumer's dead letters: events its target kept refusing, to send again or discard. */
import { Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ConsumerSummaryView, DeadLetterSchema } from '../../../core/ipc/streamChannels.ts';
import { invoke } from '../ipc/client.ts';

type DeadLetter = z.infer<typeof DeadLetterSchema>;

/** Rows drawn at once; the rest are counted, not listed. */
const SHOWN = 200;

export function DeadLetters({ consumer }: { consumer: ConsumerSummaryView }) {
  const { t, i18n } = useTranslation();
  const [letters, setLetters] = useState<DeadLetter[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { id, deadLetters } = consumer;

  useEffect(() => {
    invoke('stream:dead-letters', { id }).then(setLetters, (reason: unknown) => setMessage(reason instanceof Error ? reason.message : String(reason)));
  }, [id, deadLetters]);

  async function retry() {
    setBusy(true);
    try {
      const result = await invoke('stream:retry-dead-letters', { id });
      setMessage(result.error === null ? t('streams.retried', { count: result.delivered }) : t('streams.retryFailed', { count: result.delivered, remaining: result.remaining, message: result.error }));
    } catch (reason) {
      setMessage(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  }

  async function discard() {
    if (!window.confirm(t('streams.discardConfirm', { count: deadLetters }))) return;
    setBusy(true);
    try {
      await invoke('stream:discard-dead-letters', { id });
    } finally {
      setBusy(false);
    }
  }

  if (letters === null) return message ? <Text c="red">{message}</Text> : <Loader size="xs" />;
  return (
    <Stack gap="xs" mt="sm" data-testid={`dead-letters-${id}`}>
      {letters.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('streams.noDeadLetters')}
        </Text>
      ) : (
        <>
          <Table fz="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('streams.seq')}</Table.Th>
                <Table.Th>{t('streams.change')}</Table.Th>
                <Table.Th>{t('streams.refusal')}</Table.Th>
                <Table.Th>{t('streams.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {letters.slice(0, SHOWN).map((letter) => (
                <Table.Tr key={letter.event.seq}>
                  <Table.Td>{letter.event.seq.toLocaleString(i18n.language)}</Table.Td>
                  <Table.Td>
                    {t(`streams.ops.${letter.event.op}`)} {letter.event.type} <Text span c="dimmed" size="xs">{letter.event.id}</Text>
                  </Table.Td>
                  <Table.Td>{t('streams.refusalValue', { count: letter.attempts, message: letter.error })}</Table.Td>
                  <Table.Td>{new Date(letter.at).toLocaleString(i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {letters.length > SHOWN && (
            <Text size="xs" c="dimmed">
              {t('streams.moreDeadLetters', { count: letters.length - SHOWN })}
            </Text>
          )}
          <Group gap="xs">
            <Button size="xs" loading={busy} onClick={() => void retry()} data-testid="dead-letters-retry">
              {t('streams.retryDeadLetters')}
            </Button>
            <Button size="xs" variant="subtle" color="red" disabled={busy} onClick={() => void discard()}>
              {t('streams.discardDeadLetters')}
            </Button>
          </Group>
        </>
      )}
      {message && <Text size="sm">{message}</Text>}
    </Stack>
  );
}
