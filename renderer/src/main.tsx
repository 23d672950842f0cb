import '@mantine/core/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { StartupError } from './app/StartupError.tsx';
import { initI18n, resolveLanguage } from './i18n/index.ts';
import { followConnectorChanges, useConnectorStore } from './connectors/connectorStore.ts';
import { startInboxDrainer } from './connectors/inboxDrainer.ts';
import { followStoreIdentity } from './kb/reportStoreIdentity.ts';
import { startScheduledBackups } from './settings/scheduledBackups.ts';
import { startAutoEnricher } from './enrich/startAutoEnricher.ts';
import { startFeedRetention } from './streams/feedRetention.ts';
import { startIndicatorExpiry } from './lifecycle/indicatorExpiry.ts';
import { startTrashPurge } from './lifecycle/trashPurge.ts';
import { startStreamPump } from './streams/streamPump.ts';
import { answerKbRequests } from './localApi/answerKbRequests.ts';
import { followStreamChanges, useStreamStore } from './streams/streamStore.ts';
import { hasBridge, invoke } from './ipc/client.ts';
import { followLocationHash } from './stores/routeStore.ts';
import { followSettingsChanges, useSettingsStore } from './stores/settingsStore.ts';

async function start(root: HTMLElement): Promise<void> {
  // Marks for bench/startup.ts: where start-up time goes.
  performance.mark('magpie:script-start');
  const reactRoot = createRoot(root);
  if (!hasBridge()) {
    const i18n = await initI18n(resolveLanguage('system', navigator.languages));
    reactRoot.render(<StartupError message={i18n.t('app.bridgeMissing')} />);
    return;
  }
  try {
    const [settings, info] = await Promise.all([useSettingsStore.getState().load(), invoke('app:info')]);
    performance.mark('magpie:settings-loaded');
    const language = resolveLanguage(settings.language, navigator.languages);
    document.documentElement.lang = language;
    await initI18n(language);
    performance.mark('magpie:i18n-ready');
    followSettingsChanges();
    followConnectorChanges();
    // Main resets connector state delivered to another store (an emptied or restored one).
    followStoreIdentity((message) => console.warn(`Could not tell Magpie which knowledge base is open: ${message}`));
    // Main keeps the backup schedule; the archive is built here, in the KB worker.
    startScheduledBackups((message) => console.warn(`Scheduled backup failed: ${message}`));
    // Connector output waiting in main's inbox goes into the knowledge base while a window is open.
    startInboxDrainer({ onError: (message) => useConnectorStore.setState({ drainError: message }) });
    // The knowledge base's changes go to the stream consumers (SIEM, webhook) while a window is open.
    followStreamChanges();
    startStreamPump((message) => useStreamStore.setState({ pumpError: message }));
    // Scripts reach the knowledge base through main's local API while a window is open (`magpie serve`).
    answerKbRequests();
    startFeedRetention((message) => console.warn(`Change feed retention: ${message}`));
    // Issue 21: expired and decayed indicators become revoked versions, at start-up and daily.
    startIndicatorExpiry((message) => console.warn(`Indicator expiry: ${message}`));
    // Issue 21, point 5: trash entries past the retention go for good, at start-up and daily.
    startTrashPurge((message) => console.warn(`Trash purge: ${message}`));
    // New observables go to the enrichment connectors switched to automatic (none by default).
    startAutoEnricher(
      (message) => useConnectorStore.setState({ autoEnrichProblem: { count: 0, message } }),
      (count, message) => useConnectorStore.setState({ autoEnrichProblem: { count, message } }),
    );
    // Ask the browser not to evict the knowledge base under storage pressure.
    void navigator.storage.persist().catch(() => false);
    followLocationHash();
    reactRoot.render(
      <StrictMode>
        <App harness={info.runtime === 'harness'} version={info.version} />
      </StrictMode>,
    );
  } catch (error) {
    const i18n = await initI18n(resolveLanguage('system', navigator.languages));
    const message = error instanceof Error ? error.message : String(error);
    reactRoot.render(<StartupError message={i18n.t('app.startFailed', { message })} />);
  }
}

const root = document.getElementById('root');
if (root) void start(root);
