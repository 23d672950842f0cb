import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteStore } from '../stores/routeStore.ts';
import { altShortcut, pages, type NavGroup, type PageEntry } from './pages.ts';

function NavItem({ page, index }: { page: PageEntry; index: number }) {
  const { t } = useTranslation();
  const active = useRouteStore((state) => state.page === page.id);
  const Icon = page.icon;
  return (
    <NavLink
      component="a"
      href={`#/${page.id}`}
      data-page={page.id}
      label={t(`nav.${page.id}`)}
      leftSection={<Icon size={18} stroke={1.6} aria-hidden="true" />}
      rightSection={
        <Text span size="xs" c="dimmed" aria-hidden="true">
          {page.hotkey ? t('nav.shortcutLookup') : altShortcut(index) === null ? null : t('nav.shortcut', { key: altShortcut(index) })}
        </Text>
      }
      active={active}
      aria-current={active ? 'page' : undefined}
      variant="light"
      styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
    />
  );
}

export function Navigation() {
  const { t } = useTranslation();
  const groups: NavGroup[] = ['overview', 'knowledge', 'analysis', 'data'];
  const settings = pages.find((page) => page.group === null);
  return (
    <nav aria-label={t('nav.label')} style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <ScrollArea style={{ flex: 1 }} px="sm" pt="sm">
        <Stack gap={2}>
          {groups.map((group) => (
            <Fragment key={group}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
                {t(`nav.groups.${group}`)}
              </Text>
              {pages.map((page, index) =>
                page.group === group ? <NavItem key={page.id} page={page} index={index} /> : null,
              )}
            </Fragment>
          ))}
        </Stack>
      </ScrollArea>
      {settings && (
        <Stack px="sm" py="sm" style={{ borderTop: '1px solid var(--app-shell-border-color)' }}>
          <NavItem page={settings} index={pages.indexOf(settings)} />
        </Stack>
      )}
    </nav>
  );
}
