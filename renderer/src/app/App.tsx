import { MantineProvider } from '@mantine/core';
import { useColorScheme } from '@mantine/hooks';
import { useEffect } from 'react';
import { applyLanguage, resolveLanguage } from '../i18n/index.ts';
import { Shell } from '../shell/Shell.tsx';
import { useSettingsStore } from '../stores/settingsStore.ts';
import { theme } from './theme.ts';

export function App({ harness, version }: { harness: boolean; version: string }) {
  const settings = useSettingsStore((state) => state.settings);
  const osScheme = useColorScheme('light', { getInitialValueInEffect: false });
  const scheme = settings.theme === 'system' ? osScheme : settings.theme;

  useEffect(() => {
    void applyLanguage(resolveLanguage(settings.language, navigator.languages));
  }, [settings.language]);

  return (
    // The scheme is forced from main's settings, so Mantine keeps nothing in localStorage.
    <MantineProvider theme={theme} forceColorScheme={scheme}>
      <Shell harness={harness} version={version} />
    </MantineProvider>
  );
}
