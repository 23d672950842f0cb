import { Alert, Card, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language, SettingsPatch, ThemePreference } from '../../../core/ipc/channels.ts';
import { invoke } from '../ipc/client.ts';
import { useSettingsStore } from '../stores/settingsStore.ts';
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
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Text fw={600} id="setting-language">
                  {t('pages.settings.language')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('pages.settings.languageHelp')}
                </Text>
              </div>
              <SegmentedControl
                aria-labelledby="setting-language"
                data-testid="language-control"
                value={settings.language}
                onChange={(value) => save({ language: value })}
                data={languages.map((value) => ({ value, label: t(`pages.settings.languages.${value}`) }))}
              />
            </Group>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Text fw={600} id="setting-theme">
                  {t('pages.settings.theme')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('pages.settings.themeHelp')}
                </Text>
              </div>
              <SegmentedControl
                aria-labelledby="setting-theme"
                data-testid="theme-control"
                value={settings.theme}
                onChange={(value) => save({ theme: value })}
                data={themes.map((value) => ({ value, label: t(`pages.settings.themes.${value}`) }))}
              />
            </Group>
          </Stack>
        </Card>
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
      </Stack>
    </>
  );
}
