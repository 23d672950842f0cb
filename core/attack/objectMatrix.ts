/**
 * One object's ATT&CK view — the matrices and the techniques it relates to, and those of a
 * second object to compare — as the knowledge base's `attackMatrix` query returns it to the
 * UI; and the layer for one object, as `magpie convert --to navigator-layer` writes it.
 * Both run `objectMatrixView`, then `navigatorLayer`: the same code for the same file.
 */
import type { AttackGraph } from './attackGraph.ts';
import type { AttackDomain } from './domains.ts';
import { hitsByDomain } from './highlights.ts';
import { navigatorLayer, type NavigatorLayerOut } from './layerExport.ts';
import { buildMatrices, type DomainMatrix } from './matrix.ts';
import { relatedTechniques, type RelatedTechniques } from './relatedTechniques.ts';

export interface ObjectMatrixView {
  matrices: DomainMatrix[];
  a: RelatedTechniques | null;
  b: RelatedTechniques | null;
}

export async function objectMatrixView(graph: AttackGraph, id: string, compareId?: string | null): Promise<ObjectMatrixView> {
  const matrices = buildMatrices(await graph.attackObjects());
  const a = await relatedTechniques(graph, id);
  const b = compareId ? await relatedTechniques(graph, compareId) : null;
  return { matrices, a, b };
}

/** The domain with the most highlighted techniques (Enterprise on a tie or none). */
export function busiestDomain(matrices: readonly DomainMatrix[], related: readonly (RelatedTechniques | null)[]): AttackDomain | undefined {
  const highlighted = new Set(related.flatMap((entry) => (entry ? Object.keys(entry.techniques) : [])));
  const counts = hitsByDomain(matrices, highlighted);
  let best: DomainMatrix | undefined;
  for (const matrix of matrices) if (!best || (counts.get(matrix.domain) ?? 0) > (counts.get(best.domain) ?? 0)) best = matrix;
  return best?.domain;
}

export class LayerRequestError extends Error {
  override name = 'LayerRequestError';
}

/** The Navigator layer of one object: the busiest domain unless one is named. */
export async function layerForObject(graph: AttackGraph, id: string, domain?: AttackDomain): Promise<NavigatorLayerOut> {
  const view = await objectMatrixView(graph, id);
  if (!view.a) throw new LayerRequestError(`${id} is not in the bundle; name an object the bundle holds (an intrusion set, campaign, malware, tool, report…).`);
  if (view.matrices.length === 0) throw new LayerRequestError('the bundle holds no ATT&CK matrix (x-mitre-matrix); convert an ATT&CK bundle, or one that includes ATT&CK.');
  const chosen = domain ?? busiestDomain(view.matrices, [view.a]);
  const matrix = view.matrices.find((entry) => entry.domain === chosen);
  if (!matrix) throw new LayerRequestError(`the bundle has no ${chosen ?? ''} matrix; it has ${view.matrices.map((entry) => entry.domain).join(', ')}.`);
  return navigatorLayer({ matrix, a: view.a });
}
