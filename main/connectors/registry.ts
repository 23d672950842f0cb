/** The connectors Magpie ships; adding one is one folder and one line here (STYLE.md, 6). */
import { connector as cisaKev } from './cisa-kev/index.ts';
import { connector as misp } from './misp-feed/index.ts';
import { connector as mitreAttack } from './mitre-attack/index.ts';
import { connector as otx } from './otx/index.ts';
import { connector as taxii } from './taxii/index.ts';
import type { ConnectorDefinition } from './types.ts';

export const connectors: readonly ConnectorDefinition[] = [cisaKev, mitreAttack, misp, otx, taxii];

export function findConnector(id: string): ConnectorDefinition | undefined {
  return connectors.find((connector) => connector.id === id);
}
