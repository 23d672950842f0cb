/** Which of an API root's collections a run reads: the configured ids or titles, else every readable one. */
import { TaxiiError } from './errors.ts';
import type { TaxiiCollection } from './client.ts';

export function chooseCollections(apiRoot: string, available: readonly TaxiiCollection[], wanted: readonly string[]): TaxiiCollection[] {
  const listing = available.map((collection) => (collection.title === collection.id ? collection.id : `${collection.title} (${collection.id})`)).join(', ') || 'none';
  if (wanted.length === 0) {
    const readable = available.filter((collection) => collection.canRead);
    if (readable.length === 0) {
      throw new TaxiiError('no-collection', `The TAXII API root ${apiRoot} has no collection this account can read (it lists: ${listing}). Check the account's access on the server.`);
    }
    return readable;
  }
  const chosen = new Map<string, TaxiiCollection>();
  for (const name of wanted) {
    const found =
      available.find((collection) => collection.id === name) ??
      available.find((collection) => collection.title.toLowerCase() === name.toLowerCase()) ??
      available.find((collection) => collection.id.toLowerCase() === name.toLowerCase());
    if (found === undefined) {
      throw new TaxiiError('no-collection', `The TAXII API root ${apiRoot} has no collection "${name}". Check the collection id in the connector's settings; the server lists: ${listing}.`);
    }
    if (!found.canRead) {
      throw new TaxiiError('forbidden', `This account may not read the TAXII collection "${found.title}" (can_read is false). Check the account's access on the server.`);
    }
    chosen.set(found.id, found);
  }
  return [...chosen.values()];
}
