/**
 * Undoing an import from the history. When the import was an import connector's, its
 * cursor and validators still say those objects were delivered; main resets them so the
 * next run imports everything again instead of "unchanged" into a store without them
 * (issue 14). Enrichment results share the `connector:` prefix but keep no cursor.
 */
import { invoke } from '../ipc/client.ts';
import { knowledgeBase } from '../kb/client.ts';
import type { UndoResult } from '../kb/deletion.ts';

const CONNECTOR_SOURCE = 'connector:';

export interface UndoImportDeps {
  undoSource: (sourceId: string) => Promise<UndoResult>;
  /** The import connectors main hosts (enrichment ones are not among them). */
  importConnectors: () => Promise<readonly { id: string }[]>;
  resetConnector: (id: string) => Promise<unknown>;
}

const appDeps: UndoImportDeps = {
  undoSource: (sourceId) => knowledgeBase().undoSource({ sourceId }),
  importConnectors: () => invoke('connector:list'),
  resetConnector: (id) => invoke('connector:reset-state', { id, reason: 'import-undone' }),
};

export async function undoImport(sourceId: string, deps: UndoImportDeps = appDeps): Promise<UndoResult & { connectorReset: boolean }> {
  const result = await deps.undoSource(sourceId);
  if (!sourceId.startsWith(CONNECTOR_SOURCE)) return { ...result, connectorReset: false };
  const id = sourceId.slice(CONNECTOR_SOURCE.length);
  if (!(await deps.importConnectors()).some((connector) => connector.id === id)) return { ...result, connectorReset: false };
  await deps.resetConnector(id);
  return { ...result, connectorReset: true };
}
