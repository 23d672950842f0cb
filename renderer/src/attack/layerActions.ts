/**
 * The matrix's file actions: save the layer (main writes it where the analyst chooses),
 * read a layer file (untrusted: parsed here in the renderer with core's zod schema, never
 * in main), and keep an imported layer's techniques as a grouping under "Analyst edits".
 */
import { groupingOfLayer } from '../../../core/attack/layerGrouping.ts';
import { layerText, type NavigatorLayerOut } from '../../../core/attack/layerExport.ts';
import { parseLayerFile, type ImportedLayer } from '../../../core/attack/layerImport.ts';
import type { LayerOnMatrix } from '../../../core/attack/layerOnMatrix.ts';
import { invoke } from '../ipc/client.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';

/** The largest layer file read: the Navigator's own are far smaller; this keeps a stray file from freezing the page. */
const MAX_LAYER_BYTES = 20 * 1024 * 1024;

function fileName(name: string): string {
  const safe = name.replace(/[/\\:*?"<>|\p{Cc}]/gu, '_').trim().slice(0, 120) || 'layer';
  return `${safe}.layer.json`;
}

export async function saveLayer(layer: NavigatorLayerOut): Promise<string | null> {
  const saved = await invoke('file:save', { suggestedName: fileName(layer.name), content: layerText(layer), encoding: 'utf8' });
  return saved.saved ? saved.path : null;
}

export async function readLayerFile(file: File): Promise<ImportedLayer[]> {
  if (file.size > MAX_LAYER_BYTES) throw new Error(`${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; a Navigator layer is a few hundred KB. Choose the layer's JSON file.`);
  return parseLayerFile(await file.text());
}

export async function layerToGrouping(layer: ImportedLayer, shown: LayerOnMatrix): Promise<string> {
  const id = `grouping--${crypto.randomUUID()}`;
  const { objects } = await knowledgeBase().createObjects({ objects: [groupingOfLayer(layer, shown, id, new Date().toISOString())] });
  notifyKnowledgeChanged();
  return objects[0]?.summary.id ?? id;
}
