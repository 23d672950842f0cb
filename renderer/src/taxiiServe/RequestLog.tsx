/** The TAXII server's request log (issue 18, point 2): its last 200 lines, read from main on demand. */
import { Alert, Box, Button, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../app/useAction.ts';
import { invoke } from '../ipc/client.ts';
import { message } from './taxiiServeStore.ts';

export function RequestLog() {
  const { t } = useTranslation();
  const [lines, setLines] = useState<string[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const { run, busy, error: refreshError } = useAction();
  const refresh = () => run(async () => setLines((await invoke('taxiiServe:log')).lines));
  const error = refreshError ?? failed;
  useEffect(() => {
    let live = true;
    invoke('taxiiServe:log').then(
      (read) => live && setLines(read.lines),
      (failure: unknown) => live && setFailed(message(failure)),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4} size="h6">{t('taxiiServe.log.title')}</Title>
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={() => void refresh()} loading={busy} data-testid="taxii-log-refresh">
          {t('taxiiServe.log.refresh')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">{t('taxiiServe.log.help')}</Text>
      {error !== null && <Alert color="red">{t('taxiiServe.log.failed', { message: error })}</Alert>}
      {lines !== null && lines.length === 0 && <Text size="sm" c="dimmed" data-testid="taxii-log-empty">{t('taxiiServe.log.empty')}</Text>}
      {lines !== null && lines.length > 0 && (
        // Focusable, so the box can be scrolled from the keyboard.
        <ScrollArea.Autosize mah={240} type="auto" tabIndex={0} aria-label={t('taxiiServe.log.title')} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}>
          <Box component="pre" m={0} p="xs" ff="monospace" fz="xs" style={{ whiteSpace: 'pre' }} data-testid="taxii-log">
            {lines.join('\n')}
          </Box>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
