/**
 * Settings → danger zone: Delete everything (issue 14). The confirmation says how much goes
 * and suggests a backup first; afterwards main is told the store's new identity before the
 * dialog closes, so a connector run started right after already imports everything.
 */
import { Alert, Button, Card, Group, Loader, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import type { StoreCounts } from '../kb/deleteEverything.ts';
import { reportStoreIdentity } from '../kb/reportStoreIdentity.ts';

function DeleteEverythingDialog({ onClose, onDeleted }: { onClose: () => void; onDeleted: (count: number) => void }) {
  const { t, i18n } = useTranslation();
  const [counts, setCounts] = useState<StoreCounts | null>(null);
  const [countError, setCountError] = useState<string | null>(null);
  useEffect(() => {
    knowledgeBase().countEverything({}).then(setCounts, (error: unknown) => setCountError(error instanceof Error ? error.message : String(error)));
  }, []);
  const number = (value: number): string => value.toLocaleString(i18n.language);
  return (
    <ConfirmDialog
      title={t('dangerZone.confirmTitle')}
      confirmLabel={t('dangerZone.confirm')}
      cancelLabel={t('dangerZone.cancel')}
      confirmTestId="kb-clear-confirm"
      danger
      disabled={counts === null && countError === null}
      onClose={onClose}
      onConfirm={async () => {
        const result = await knowledgeBase().deleteEverything({});
        await reportStoreIdentity();
        notifyKnowledgeChanged();
        onDeleted(result.objects);
      }}
    >
      {counts ? (
        <Text data-testid="kb-clear-counts">
          {t('dangerZone.confirmBody', { count: counts.objects, formatted: number(counts.objects), investigations: number(counts.investigations), sources: number(counts.sources) })}
        </Text>
      ) : countError ? (
        <Text c="red">{countError}</Text>
      ) : (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{t('dangerZone.counting')}</Text>
        </Group>
      )}
      <Alert color="yellow">{t('dangerZone.backupFirst')}</Alert>
    </ConfirmDialog>
  );
}

export function DangerZoneCard() {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [deleted, setDeleted] = useState<number | null>(null);
  return (
    <Card withBorder radius="lg" padding="lg" style={{ borderColor: 'var(--mantine-color-red-6)' }} data-testid="danger-zone">
      <Title order={3} size="h5" mb="xs" c="red">
        {t('dangerZone.title')}
      </Title>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {t('dangerZone.deleteAllHelp')}
        </Text>
        <Button color="red" variant="outline" leftSection={<IconTrash size={16} />} onClick={() => setOpen(true)} data-testid="kb-clear-all" style={{ flexShrink: 0 }}>
          {t('dangerZone.deleteAll')}
        </Button>
      </Group>
      {deleted !== null && (
        <Alert color="blue" mt="sm" withCloseButton onClose={() => setDeleted(null)} data-testid="kb-cleared">
          {t('dangerZone.deleted', { count: deleted, formatted: deleted.toLocaleString(i18n.language) })}
        </Alert>
      )}
      {open && <DeleteEverythingDialog onClose={() => setOpen(false)} onDeleted={setDeleted} />}
    </Card>
  );
}
