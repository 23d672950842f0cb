/**
 * The writer Magpie's own lifecycle versions are recorded under — an indicator revoked by
 * expiry, a lifetime restarted by a new sighting — so an indicator's history says that the
 * model, not the analyst or a feed, wrote that version.
 */
import type { IngestSource } from '../ingest.ts';

export const lifecycleSource: IngestSource = { id: 'manual:indicator-lifecycle', kind: 'manual', name: 'Indicator lifecycle' };
