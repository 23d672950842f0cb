import { ActionIcon, Badge, Burger, Button, Group, Kbd, Text, Title, Tooltip, useComputedColorScheme } from '@mantine/core';
import { IconListSearch, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRouteStore } from '../stores/routeStore.ts';
import { useSettingsStore } from '../stores/settingsStore.ts';
import { BrandMark } from './BrandMark.tsx';

interface HeaderBarProps {
  navigationOpen: boolean;
  onToggleNavigation: () => void;
  harness: boolean;
}

export function HeaderBar({ navigationOpen, onToggleNavigation, harness }: HeaderBarProps) {
  const { t } = useTranslation();
  const scheme = useComputedColorScheme('light');
  const update = useSettingsStore((state) => state.update);
  const toggleTheme = () => void update({ theme: scheme === 'dark' ? 'light' : 'dark' });
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navigationOpen}
          onClick={onToggleNavigation}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('nav.toggleNavigation')}
        />
        <BrandMark />
        <div>
          <Title order={1} size="h4" lh={1.1}>
            {t('app.name')}
          </Title>
          <Text size="xs" c="dimmed" lh={1.2}>
            {t('app.tagline')}
          </Text>
        </div>
      </Group>
      <Group gap="sm" wrap="nowrap">
        {harness && (
          <Tooltip label={t('app.harnessHint')} multiline w={280}>
            <Badge variant="light" color="grape" data-testid="harness-badge">
              {t('app.harness')}
            </Badge>
          </Tooltip>
        )}
        <Tooltip label={t('lookup.shortcutHint', { key: t('nav.shortcutLookup') })}>
          <Button variant="default" radius="md" leftSection={<IconListSearch size={16} stroke={1.6} />} rightSection={<Kbd size="xs" visibleFrom="md">{t('nav.shortcutLookup')}</Kbd>} onClick={() => useRouteStore.getState().navigate('lookup')} data-testid="toolbar-lookup">
            {t('nav.lookup')}
          </Button>
        </Tooltip>
        <Tooltip label={t('theme.toggle')}>
          <ActionIcon variant="default" size="lg" radius="md" onClick={toggleTheme} aria-label={t('theme.toggle')}>
            {scheme === 'dark' ? <IconSun size={18} stroke={1.6} /> : <IconMoon size={18} stroke={1.6} />}
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
