/**
 * Where the TAXII server's collections come from (issue 18, point 2). In the app, the
 * window's knowledge base through main's broker (./kbSource.ts); in tests, objects held
 * in memory (./testing/memorySource.ts). The server does the TAXII part — filters, paging,
 * manifests, status — over what a source gives.
 */
import type { JsonObject } from '../../core/stix/model/properties.ts';
import type { CollectionView } from '../../core/localApi/protocol.ts';
import type { TlpLevel } from '../../core/stix/markings.ts';

export interface CollectionEntry {
  object: JsonObject;
  /** When this version of the object was added to the knowledge base (TAXII's date_added), ISO 8601 with milliseconds. */
  dateAdded: string;
}

export interface CollectionSnapshot {
  /** Changes when anything in the knowledge base changed; the server caches by it. */
  head: string;
  /** Every object version in the view, at or under the maximum TLP. */
  entries: CollectionEntry[];
}

export interface AddOutcome {
  /** Objects the knowledge base took (created, updated or already held). */
  succeeded: string[];
  /** Objects refused, with the reason (the knowledge base quarantines them). */
  failed: { id: string; message: string }[];
}

export interface CollectionSource {
  /** The current head; cheap, asked on every request. */
  head(): Promise<string>;
  snapshot(collectionId: string, view: CollectionView, maxTlp: TlpLevel): Promise<CollectionSnapshot>;
  /** Writes objects a client POSTed to a collection, with provenance "TAXII client <name>"; an `inbox` view shows them. */
  add(collectionId: string, objects: JsonObject[], clientName: string): Promise<AddOutcome>;
}
