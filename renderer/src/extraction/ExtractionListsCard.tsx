/**
 * Settings → Indicator extraction: the analyst's allow list (values to flag as benign) and
 * deny list (values always reported as malicious). The built-in defaults always apply;
 * these add to them. MISP warninglists have their own card (Settings → Warninglists).
 */
import { Alert, Badge, Button, Card, CloseButton, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase } from '../kb/client.ts';
import type { ExtractionLists } from '../kb/extractionLists.ts';

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function ExtractionListsCard() {
  const { t } = useTranslation();
  const [lists, setLists] = useState<ExtractionLists | null>(null);
  const [allow, setAllow] = useState('');
  const [deny, setDeny] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    knowledgeBase()
      .getExtractionLists({})
      .then(
        (loaded) => {
          setLists(loaded);
          setAllow(loaded.allow.join('\n'));
          setDeny(loaded.deny.join('\n'));
        },
        (error: unknown) => setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) }),
      );
  }, []);

  const save = async (next: ExtractionLists) => {
    try {
      const saved = await knowledgeBase().setExtractionLists({ lists: next });
      setLists(saved);
      setAllow(saved.allow.join('\n'));
      setDeny(saved.deny.join('\n'));
      setMessage({ ok: true, text: t('extractionLists.saved') });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Card withBorder radius="lg" padding="lg" data-testid="extraction-lists">
      <Title order={3} size="h5">
        {t('extractionLists.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('extractionLists.body')}
      </Text>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} icon={message.ok ? <IconCheck size={18} /> : <IconAlertTriangle size={18} />} mb="sm" withCloseButton onClose={() => setMessage(null)} role={message.ok ? 'status' : 'alert'} data-testid="extraction-lists-message">
          {message.text}
        </Alert>
      )}
      <Stack gap="md">
        <Textarea label={t('extractionLists.allow')} description={t('extractionLists.allowHelp')} autosize minRows={3} maxRows={10} value={allow} onChange={(event) => setAllow(event.currentTarget.value)} disabled={!lists} data-testid="allow-list" />
        <Textarea label={t('extractionLists.deny')} description={t('extractionLists.denyHelp')} autosize minRows={2} maxRows={10} value={deny} onChange={(event) => setDeny(event.currentTarget.value)} disabled={!lists} data-testid="deny-list" />
        {/* Lists imported here before issue 21 act as allow lists; new MISP lists are added in Settings → Warninglists. */}
        {lists !== null && lists.warningLists.length > 0 && (
          <div>
            <Text size="sm" fw={500}>
              {t('extractionLists.warningLists')}
            </Text>
            {lists.warningLists.map((list) => (
              <Group key={list.name} gap="xs" data-testid="warning-list">
                <Text size="sm">{list.name}</Text>
                <Badge size="sm" variant="light" color="gray">
                  {t('extractionLists.entries', { count: list.values.length })}
                </Badge>
                <CloseButton size="sm" aria-label={t('extractionLists.removeList', { name: list.name })} onClick={() => void save({ ...lists, warningLists: lists.warningLists.filter((entry) => entry.name !== list.name) })} />
              </Group>
            ))}
          </div>
        )}
        <Group>
          <Button onClick={() => lists && void save({ ...lists, allow: lines(allow), deny: lines(deny) })} disabled={!lists} data-testid="save-lists">
            {t('extractionLists.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
