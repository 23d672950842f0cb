import { AppShell, Group, Text } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EnrichPanel } from '../enrich/EnrichPanel.tsx';
import { takeFiles } from '../imports/takeFiles.ts';
import { useRefusalStore } from '../imports/refusalStore.ts';
import { ObjectDetailDrawer } from '../knowledge/ObjectDetail.tsx';
import { PageView } from '../pages/PageView.tsx';
import { useRouteStore } from '../stores/routeStore.ts';
import { HeaderBar } from './HeaderBar.tsx';
import { Navigation } from './Navigation.tsx';
import { altShortcut, pages } from './pages.ts';

// An object's page (issue 15) loads with its tabs the first time one is opened.
const EntityPage = lazy(() => import('../entity/EntityPage.tsx').then((module) => ({ default: module.EntityPage })));

export function Shell({ harness, version }: { harness: boolean; version: string }) {
  const { t } = useTranslation();
  const [navigationOpen, { toggle, close }] = useDisclosure(false);
  const page = useRouteStore((state) => state.page);
  const navigate = useRouteStore((state) => state.navigate);
  const objectId = useRouteStore((state) => state.object?.id ?? null);
  const main = useRef<HTMLElement>(null);
  const shownPage = useRef<string>(objectId ?? page);

  // Alt+1…9 jump to the pages in the order declared; a page with its own shortcut is reached by that.
  useHotkeys(
    pages.flatMap((entry, index): [string, () => void][] => {
      const key = entry.hotkey ?? (altShortcut(index) === null ? null : `alt+${altShortcut(index)}`);
      return key === null ? [] : [[key, () => navigate(entry.id)]];
    }),
  );

  // A file dropped anywhere on the window goes to Import; nothing else reacts to drops.
  useEffect(() => {
    const onDragOver = (event: DragEvent) => event.preventDefault();
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      navigate('import');
      void takeFiles(files).then((refused) => useRefusalStore.getState().show(refused));
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [navigate]);

  // After a page change, focus moves to the new content (as a screen reader expects); not on first load.
  const place = objectId ?? page;
  useEffect(() => {
    if (shownPage.current === place) return;
    shownPage.current = place;
    close();
    main.current?.focus({ preventScroll: true });
  }, [place, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } }}
      footer={{ height: 30 }}
      padding="lg"
    >
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <HeaderBar navigationOpen={navigationOpen} onToggleNavigation={toggle} harness={harness} />
      </AppShell.Header>
      <AppShell.Navbar>
        <Navigation />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" ref={main} tabIndex={-1} style={{ outline: 'none' }}>
        {objectId ? (
          <Suspense key={objectId} fallback={null}>
            <EntityPage id={objectId} />
          </Suspense>
        ) : (
          <PageView page={page} />
        )}
      </AppShell.Main>
      <ObjectDetailDrawer />
      <EnrichPanel />
      <AppShell.Footer>
        <Group h="100%" px="md" justify="space-between">
          <Text size="xs" c="dimmed">
            {t('app.offline')}
          </Text>
          <Text size="xs" c="dimmed" data-testid="footer-version">
            {t('app.name')} {version}
          </Text>
        </Group>
      </AppShell.Footer>
    </AppShell>
  );
}
