import { Alert, Card, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language, SettingsPatch, ThemePreference } from '../../../core/ipc/channels.ts';
import { AnalystIdentityCard } from '../curation/AnalystIdentityCard.tsx';
import { ExtractionListsCard } from '../extraction/ExtractionListsCard.tsx';
import { IndicatorLifetimesCard } from '../lifecycle/IndicatorLifetimesCard.tsx';
import { invoke } from '../ipc/client.ts';
import { useSettingsStore } from '../stores/settingsStore.ts';
import { BackupCard } from '../settings/BackupCard.tsx';
import { StorageCard } from '../settings/StorageCard.tsx';
import { DangerZoneCard } from '../settings/DangerZoneCard.tsx';
import { TaxiiServeCard } from '../taxiiServe/TaxiiServeCard.tsx';
import { LabelManagerCard } from '../versions/LabelManagerCard.tsx';
import { TrashRetentionCard } from '../trash/TrashRetentionCard.tsx';
import { WarninglistsCard } from '../warninglists/WarninglistsCard.tsx';
import { PageHeader } from './PageHeader.tsx';

const languages: Language[] = ['system', 'en', 'ja'];
const themes: ThemePreference[] = ['system', 'light', 'dark'];

function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    invoke('app:info').then(
      (value) => live && setInfo(value),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return info;
}

function AboutTable({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const rows: [string, string, string][] = [
    ['version', t('pages.settings.version'), info.version],
    ['runtime', t('pages.settings.runtime'), t(`pages.settings.runtimes.${info.runtime}`)],
    ['electron', t('pages.settings.electron'), info.versions.electron ?? t('pages.settings.unavailable')],
    ['chrome', t('pages.settings.chrome'), info.versions.chrome ?? t('pages.settings.unavailable')],
    ['node', t('pages.settings.node'), info.versions.node],
    ['platform', t('pages.settings.platform'), info.platform],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder={false}>
      <Table.Tbody>
        {rows.map(([key, label, value]) => (
          <Table.Tr key={key}>
            <Table.Th w={180}>{label}</Table.Th>
            <Table.Td data-testid={`about-${key}`}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface SettingRowProps<V extends string> {
  id: string;
  title: string;
  help: string;
  testId: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
}

/** One setting: its name and explanation, and a segmented choice of its values. */
function SettingRow<V extends string>({ id, title, help, testId, value, options, onChange }: SettingRowProps<V>) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <div style={{ flex: 1, minWidth: 0 }}>
        <Text fw={600} id={id}>
          {title}
        </Text>
        <Text size="sm" c="dimmed">
          {help}
        </Text>
      </div>
      {/* Never shrunk below its labels: squeezed by a long help text, it clipped "日本語" (issue 15). */}
      <SegmentedControl
        aria-labelledby={id}
        data-testid={testId}
        style={{ flexShrink: 0 }}
        value={value}
        onChange={(next) => {
          const chosen = options.find((option) => option.value === next);
          if (chosen) onChange(chosen.value);
        }}
        data={options}
      />
    </Group>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  const [error, setError] = useState<string | null>(null);
  const info = useAppInfo();

  const save = (patch: SettingsPatch) => {
    setError(null);
    update(patch).catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  };

  return (
    <>
      <PageHeader title={t('pages.settings.title')} description={t('pages.settings.description')} />
      <Stack maw={760} gap="lg">
        {error !== null && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {t('pages.settings.saveFailed', { message: error })}
          </Alert>
        )}
        <Card withBorder radius="lg" padding="lg">
          <Stack gap="lg">
            <SettingRow
              id="setting-language"
              title={t('pages.settings.language')}
              help={t('pages.settings.languageHelp')}
              testId="language-control"
              value={settings.language}
              options={languages.map((value) => ({ value, label: t(`pages.settings.languages.${value}`) }))}
              onChange={(value) => save({ language: value })}
            />
            <SettingRow
              id="setting-theme"
              title={t('pages.settings.theme')}
              help={t('pages.settings.themeHelp')}
              testId="theme-control"
              value={settings.theme}
              options={themes.map((value) => ({ value, label: t(`pages.settings.themes.${value}`) }))}
              onChange={(value) => save({ theme: value })}
            />
          </Stack>
        </Card>
        <AnalystIdentityCard />
        <LabelManagerCard />
        <ExtractionListsCard />
        <IndicatorLifetimesCard />
        <WarninglistsCard />
        <StorageCard />
        <BackupCard />
        <TrashRetentionCard />
        <TaxiiServeCard />
        <Card withBorder radius="lg" padding="lg">
          <Title order={3} size="h5" mb="sm">
            {t('pages.settings.about')}
          </Title>
          {info ? (
            <AboutTable info={info} />
          ) : (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">{t('pages.settings.loading')}</Text>
            </Group>
          )}
        </Card>
        <DangerZoneCard />
      </Stack>
    </>
  );
}
