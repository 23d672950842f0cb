/**
 * A connector's secret settings in the SecretStore, one entry per `secret: true` field. The
 * import runtime and the enrichment service both keep their connectors' secrets this way.
 */
import type { SecretStore } from '../../services/secretStore.ts';
import type { ConnectorDefinition } from '../types.ts';
import { secretFields } from './config.ts';

export function secretKey(connectorId: string, field: string): string {
  return `connector:${connectorId}:${field}`;
}

/** The connector's stored secrets, by field name; fields never set are left out. */
export async function readConnectorSecrets(store: SecretStore, connector: ConnectorDefinition): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const field of secretFields(connector)) {
    const value = await store.get(secretKey(connector.id, field));
    if (value !== undefined) values[field] = value;
  }
  return values;
}

/** Writes the secrets that changed since `stored` and deletes those no longer given. */
export async function saveConnectorSecrets(store: SecretStore, connector: ConnectorDefinition, secrets: Readonly<Record<string, string>>, stored: Readonly<Record<string, string>>): Promise<void> {
  for (const name of secretFields(connector)) {
    const value = secrets[name];
    if (value === undefined) await store.delete(secretKey(connector.id, name));
    else if (value !== stored[name]) await store.set(secretKey(connector.id, name), value);
  }
}
