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

export async function undoImport(sourceId: string): Promise<UndoResult & { connectorReset: boolean }> {
  const result = await knowledgeBase().undoSource({ sourceId });
  if (!sourceId.startsWith(CONNECTOR_SOURCE)) return { ...result, connectorReset: false };
  const id = sourceId.slice(CONNECTOR_SOURCE.length);
  const hosted = await invoke('connector:list');
  if (!hosted.some((connector) => connector.id === id)) return { ...result, connectorReset: false };
  await invoke('connector:reset-state', { id, reason: 'import-undone' });
  return { ...result, connectorReset: true };
}
