/**
 * The known objects a document names (issue 16, point 2): the knowledge base's names and
 * aliases, matched by core/extract/entityNames. The matcher and its word list load on
 * first use. A page of prose costs a map look-up per word (500 pages ≈ 40 ms); it can
 * move into the document worker beside the extraction by passing the names with the read.
 */
import type { TextPage } from '../../../core/extract/types.ts';
import type { EntityMatch } from '../../../core/extract/entityNames/types.ts';
import { knowledgeBase } from '../kb/client.ts';

export async function findKnownEntities(pages: readonly TextPage[]): Promise<EntityMatch[]> {
  const [{ entities: known }, names] = await Promise.all([knowledgeBase().knownEntityNames({}), import('../../../core/extract/entityNames/index.ts')]);
  return known.length === 0 ? [] : names.findEntityNames(pages, names.buildNameIndex(known));
}
