/** Settings → Trash (issue 21, point 5): how many days deleted objects are kept, 1 to 365. */
import { Alert, Button, Group, NumberInput, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../app/useAction.ts';
import { knowledgeBase } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { SettingsCard } from '../settings/SettingsCard.tsx';

export function TrashRetentionCard() {
  const { t } = useTranslation();
  const current = useKbQuery(() => knowledgeBase().getTrashRetention({}), []);
  // What the analyst typed, over the stored value until they type.
  const [edited, setDays] = useState<number | string | null>(null);
  const days = edited ?? current.data?.days ?? '';
  const [saved, setSaved] = useState<number | null>(null);
  const { run, busy, error } = useAction();
  const save = () =>
    run(async () => {
      setSaved(null);
      const result = await knowledgeBase().setTrashRetention({ days: Number(days) });
      setSaved(result.days);
    });
  return (
    <SettingsCard testId="trash-retention" title={t('trash.settings.title')} help={t('trash.settings.help')}>
      <Group align="flex-end" gap="sm">
        <NumberInput label={t('trash.settings.days')} min={1} max={365} allowDecimal={false} value={days} onChange={setDays} w={160} data-testid="trash-retention-days" />
        <Button onClick={() => void save()} loading={busy} disabled={days === '' || !current.data} data-testid="trash-retention-save">
          {t('trash.settings.save')}
        </Button>
      </Group>
      {saved !== null && (
        <Text size="sm" mt="xs" role="status">
          {t('trash.settings.saved', { days: saved })}
        </Text>
      )}
      {(error ?? current.error) && (
        <Alert color="red" mt="sm" role="alert">
          {error ?? current.error?.message}
        </Alert>
      )}
    </SettingsCard>
  );
}
