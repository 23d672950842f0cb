/**
 * Settings → Backup and restore (issue 14): back the whole store up to one file now or on
 * a schedule, and restore a backup by replacing the store or merging into it. The
 * archive is proven whole before anything changes; the card shows progress throughout.
 */
import { Alert, Button, Code, FileInput, Group, NumberInput, Progress, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSchedule, BackupStatus } from '../../../core/ipc/backupChannels.ts';
import { invoke, subscribe } from '../ipc/client.ts';
import type { RestoreMode, RestoreProgress } from '../kb/backup/restore.ts';
import { cancelRestore, runBackup, runRestore, type BackupOutcome, type RestoreOutcome } from './backupRun.ts';
import { formatBytes } from './StorageCard.tsx';
import { SettingsCard } from './SettingsCard.tsx';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function useBackupStatus(): [BackupStatus | null, (status: BackupStatus) => void] {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    invoke('backup:status').then(setStatus, () => undefined);
    return subscribe('backup:changed', setStatus);
  }, []);
  return [status, setStatus];
}

function BackupSection({ status, setStatus }: { status: BackupStatus | null; setStatus: (status: BackupStatus) => void }) {
  const { t, i18n } = useTranslation();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<BackupOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const running = useRef<AbortController | null>(null);

  const backUp = async () => {
    const controller = new AbortController();
    running.current = controller;
    setError(null);
    setOutcome(null);
    setCancelled(false);
    setProgress({ done: 0, total: 0 });
    try {
      setOutcome(await runBackup({ scheduled: false, onProgress: (done, total) => setProgress({ done, total }), signal: controller.signal }));
    } catch (caught) {
      // A cancelled backup leaves no file (runBackup has main delete the partial one).
      if (controller.signal.aborted) setCancelled(true);
      else setError(message(caught));
    } finally {
      running.current = null;
      setProgress(null);
    }
  };
  const schedule = (patch: Partial<BackupSchedule>) => {
    if (!status) return;
    invoke('backup:set-schedule', { ...status.schedule, ...patch }).then(setStatus, (caught: unknown) => setError(message(caught)));
  };
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <Stack gap="xs">
      <Group>
        <Button onClick={() => void backUp()} loading={progress !== null} data-testid="backup-now">
          {t('backup.now')}
        </Button>
        {progress && (
          <Button variant="subtle" color="red" onClick={() => running.current?.abort()} data-testid="backup-cancel">
            {t('backup.cancel')}
          </Button>
        )}
        {status?.last && (
          <Text size="sm" c="dimmed" data-testid="backup-last">
            {t('backup.last', { at: when(status.last.at), size: formatBytes(status.last.bytes, i18n.language) })}
          </Text>
        )}
      </Group>
      {progress && (
        <Stack gap={4} data-testid="backup-progress">
          <Progress value={progress.total > 0 ? (100 * progress.done) / progress.total : 0} animated />
          <Text size="xs" c="dimmed">
            {t('backup.progress', { done: progress.done.toLocaleString(i18n.language), total: progress.total.toLocaleString(i18n.language) })}
          </Text>
        </Stack>
      )}
      {outcome && (
        <Alert color="teal" data-testid="backup-outcome">
          {t('backup.saved', { size: formatBytes(outcome.bytes, i18n.language) })} <Code>{outcome.path}</Code>
        </Alert>
      )}
      {cancelled && (
        <Alert color="gray" data-testid="backup-cancelled">
          {t('backup.backupCancelled')}
        </Alert>
      )}
      {error && (
        <Alert color="red" data-testid="backup-error">
          {error}
        </Alert>
      )}
      {status && (
        <Group align="end" gap="sm">
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('backup.schedule')}
            </Text>
            <SegmentedControl
              data-testid="backup-frequency"
              value={status.schedule.frequency}
              onChange={(value) => schedule({ frequency: value })}
              data={(['off', 'daily', 'weekly'] as const).map((value) => ({ value, label: t(`backup.frequency.${value}`) }))}
            />
          </Stack>
          <NumberInput label={t('backup.keep')} min={1} max={100} w={120} value={status.schedule.keep} onChange={(value) => typeof value === 'number' && value >= 1 && schedule({ keep: value })} data-testid="backup-keep" />
          <TextInput
            label={t('backup.folder')}
            placeholder={status.folder}
            // Keyed by the saved folder: the field starts again from it whenever it changes.
            key={status.schedule.folder ?? ''}
            defaultValue={status.schedule.folder ?? ''}
            onBlur={(event) => {
              const folder = event.currentTarget.value.trim();
              if (folder !== (status.schedule.folder ?? '')) schedule({ folder: folder === '' ? null : folder });
            }}
            style={{ flex: 1 }}
            data-testid="backup-folder"
          />
        </Group>
      )}
      {status?.nextAt && (
        <Text size="xs" c="dimmed" data-testid="backup-next">
          {t('backup.next', { at: when(status.nextAt), folder: status.folder })}
        </Text>
      )}
    </Stack>
  );
}

function RestoreSection() {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<RestoreMode>('replace');
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<RestoreProgress | null>(null);
  const [outcome, setOutcome] = useState<RestoreOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const restore = async () => {
    if (!file) return;
    setConfirming(false);
    setError(null);
    setOutcome(null);
    setProgress({ phase: 'verify', bytes: 0, total: file.size });
    try {
      setOutcome(await runRestore(file, mode, setProgress));
    } catch (caught) {
      setError(message(caught));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="xs">
      <FileInput label={t('backup.restoreFile')} placeholder={t('backup.restorePick')} accept=".zip,application/zip" value={file} onChange={setFile} clearable data-testid="restore-file" />
      <Radio.Group value={mode} onChange={(value) => setMode(value)} data-testid="restore-mode">
        <Stack gap={4}>
          <Radio value="replace" label={t('backup.replace')} description={t('backup.replaceHelp')} data-testid="restore-mode-replace" />
          <Radio value="merge" label={t('backup.merge')} description={t('backup.mergeHelp')} data-testid="restore-mode-merge" />
        </Stack>
      </Radio.Group>
      <Group>
        {confirming ? (
          <>
            <Button color="red" onClick={() => void restore()} data-testid="restore-confirm">
              {t('backup.confirmReplace')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('backup.keepStore')}
            </Button>
          </>
        ) : (
          <Button variant="light" disabled={!file || progress !== null} onClick={() => (mode === 'replace' ? setConfirming(true) : void restore())} data-testid="restore-start">
            {t('backup.restore')}
          </Button>
        )}
        {progress && (
          <Button variant="subtle" color="red" onClick={() => void cancelRestore()} data-testid="restore-cancel">
            {t('backup.cancel')}
          </Button>
        )}
      </Group>
      {progress && (
        <Stack gap={4} data-testid="restore-progress">
          <Progress value={progress.total > 0 ? (100 * progress.bytes) / progress.total : 0} animated />
          <Text size="xs" c="dimmed">
            {t(progress.phase === 'verify' ? 'backup.verifying' : 'backup.restoring', { done: formatBytes(progress.bytes, i18n.language), total: formatBytes(progress.total, i18n.language) })}
          </Text>
        </Stack>
      )}
      {outcome && (
        <Alert color="teal" data-testid="restore-outcome">
          {outcome.mode === 'replace'
            ? t('backup.replaced', { objects: outcome.objects.toLocaleString(i18n.language), investigations: outcome.investigations, files: outcome.files, at: new Date(outcome.createdAt).toLocaleString(i18n.language) })
            : t('backup.merged', { created: outcome.merged?.created ?? 0, updated: outcome.merged?.updated ?? 0, unchanged: outcome.merged?.unchanged ?? 0 })}
        </Alert>
      )}
      {error && (
        <Alert color="red" data-testid="restore-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

export function BackupCard() {
  const { t } = useTranslation();
  const [status, setStatus] = useBackupStatus();
  return (
    <SettingsCard testId="backup-card" title={t('backup.title')} help={t('backup.help')}>
      <Stack gap="lg">
        <BackupSection status={status} setStatus={setStatus} />
        <RestoreSection />
      </Stack>
    </SettingsCard>
  );
}
