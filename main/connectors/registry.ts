/** The connectors Magpie ships; adding one is one folder and one line here (STYLE.md, 6). */
import { connector as cisaKev } from './cisa-kev/index.ts';
import { connector as malpedia } from './malpedia/index.ts';
import { connector as misp } from './misp-feed/index.ts';
import { connector as mitreAttack } from './mitre-attack/index.ts';
import { connector as offlineEnrichment } from './offline-enrichment/index.ts';
import { connector as otx } from './otx/index.ts';
import { connector as taxii } from './taxii/index.ts';
import type { ConnectorDefinition, EnrichmentConnector, ImportConnector } from './types.ts';
import { connector as virusTotal } from './virustotal/index.ts';

export const importConnectors: readonly ImportConnector[] = [cisaKev, mitreAttack, misp, otx, taxii, malpedia];

/** Hosted by main/enrichment/service.ts, not by the import runtime. */
export const enrichmentConnectors: readonly EnrichmentConnector[] = [offlineEnrichment, virusTotal];

export const connectors: readonly ConnectorDefinition[] = [...importConnectors, ...enrichmentConnectors];

export function findConnector(id: string): ConnectorDefinition | undefined {
  return connectors.find((connector) => connector.id === id);
}
