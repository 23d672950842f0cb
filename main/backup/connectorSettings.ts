/**
 * Connector settings in a backup: each import connector's enabled flag, schedule and
 * plain settings. Secrets stay in the OS keychain and are never written (the summary
 * carries them only as `{ set }`, dropped here); cursors and HTTP validators are not
 * written either, so a restored store is refilled by the connectors' next runs.
 */
import { ConnectorsBackup } from '../../core/ipc/backupChannels.ts';
import type { ConnectorSummary } from '../../core/ipc/channels.ts';
import type { ConnectorRuntime } from '../connectors/runtime/runtime.ts';

function secretNames(summary: ConnectorSummary): Set<string> {
  const properties = (summary.configSchema as { properties?: Record<string, { secret?: unknown }> }).properties ?? {};
  return new Set(Object.entries(properties).flatMap(([name, field]) => (field.secret === true ? [name] : [])));
}

export async function exportConnectorSettings(connectors: ConnectorRuntime): Promise<ConnectorsBackup> {
  const summaries = await connectors.list();
  return {
    connectors: summaries.map((summary) => {
      const secrets = secretNames(summary);
      const config = Object.fromEntries(Object.entries(summary.config).filter(([name]) => !secrets.has(name)));
      return { id: summary.id, enabled: summary.enabled, schedule: summary.schedule, config };
    }),
  };
}

/** Applies what the archive says; a connector this Magpie lacks or refuses is skipped with why. */
export async function restoreConnectorSettings(connectors: ConnectorRuntime, value: unknown): Promise<{ restored: string[]; skipped: { id: string; reason: string }[] }> {
  // The archive was read by the worker; main still trusts nothing it did not check itself.
  const parsed = ConnectorsBackup.safeParse(value);
  if (!parsed.success) return { restored: [], skipped: [{ id: '*', reason: 'The backup holds no readable connector settings; connectors keep their current settings.' }] };
  const restored: string[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const entry of parsed.data.connectors) {
    try {
      await connectors.configure(entry.id, entry.config, entry.schedule);
      await connectors.setEnabled(entry.id, entry.enabled);
      restored.push(entry.id);
    } catch (error) {
      skipped.push({ id: entry.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { restored, skipped };
}
