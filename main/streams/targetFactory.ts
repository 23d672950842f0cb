/** The stream service's view of main/streams/targets: build, name secrets, describe. */
import { createTarget, secretFields, targetSettings, type TargetKind } from './targets/index.ts';
import type { TargetFactory } from './service.ts';

const KINDS: readonly TargetKind[] = ['syslog', 'webhook', 'splunk-hec', 'taxii'];

function isKind(value: unknown): value is TargetKind {
  return KINDS.includes(value as TargetKind);
}

/**
 * One line for the Streams page. Settings are stored without their secrets, so this reads
 * them through the schema with a stand-in for each secret rather than checking them.
 */
export function describeTarget(settings: Record<string, unknown>): string {
  const kind = settings['kind'];
  const standIns = isKind(kind) ? Object.fromEntries(secretFields(kind).map((name) => [name, settings[name] ?? 'stored'])) : {};
  const parsed = targetSettings.safeParse({ ...settings, ...standIns });
  if (!parsed.success) return 'Settings need attention';
  const target = parsed.data;
  switch (target.kind) {
    case 'syslog':
      return `Syslog ${target.transport.toUpperCase()} ${target.host}:${String(target.port)} (${target.format.toUpperCase()})`;
    case 'webhook':
      return `Webhook ${target.url}`;
    case 'splunk-hec':
      return `Splunk HEC ${target.url}${target.index === undefined ? '' : `, index ${target.index}`}`;
    case 'taxii':
      return `TAXII 2.1 ${target.url}, collection ${target.collection}`;
  }
}

export function createTargetFactory(productVersion?: string): TargetFactory {
  return {
    create: (settings) => createTarget(settings, productVersion === undefined ? {} : { productVersion }),
    secretFields: (settings) => (isKind(settings['kind']) ? secretFields(settings['kind']) : []),
    describe: describeTarget,
  };
}
