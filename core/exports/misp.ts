/**
 * The MISP event export (issue 8, made whole by issue 20): see misp/event.ts for what it
 * writes, and the README's export section for the STIX → MISP mapping and marking table.
 */
export { toMispEvent } from './misp/event.ts';
export { DISTRIBUTION } from './misp/marking.ts';
export type { MispAttributeOut, MispEventOut, MispExport, MispExportOptions, MispNotExported, MispObjectOut, MispTag } from './misp/types.ts';
