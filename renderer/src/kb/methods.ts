/**
 * The knowledge base's method names, kept apart from their implementations so the UI
 * bundle names them without pulling in Dexie and the ingest code (those live in the worker).
 */
import type { KbApi } from './api.ts';

export const kbMethods = [
  'importBundleFile',
  'previewBundleFile',
  'ingestObjects',
  'ingestStix',
  'getObject',
  'listObjects',
  'search',
  'neighbours',
  'subgraph',
  'neighbourCounts',
  'closure',
  'stats',
  'listSources',
  'listQuarantine',
  'deleteObjects',
  'undoSource',
  'countEverything',
  'deleteEverything',
  'storeFacts',
  'exportBundle',
  'commitExtraction',
  'getExtractionLists',
  'setExtractionLists',
  'listInvestigations',
  'getInvestigation',
  'saveInvestigation',
  'renameInvestigation',
  'deleteInvestigation',
  'createRelationship',
  'updateRelationship',
  'deleteRelationship',
  'createObjects',
  'getAnalystProfile',
  'saveAnalystProfile',
  'createNote',
  'createOpinion',
  'changesAfter',
  'changeHead',
  'occurrences',
  'getState',
  'putState',
  'trimChanges',
  'backupOpen',
  'backupRead',
  'backupClose',
  'restoreBackup',
  'cancelRestore',
  'getFile',
] as const satisfies readonly (keyof KbApi)[];

type AssertNone<T extends never> = T;
/** Fails to compile when a method of the API is missing from the list above. */
export type KbMethodsComplete = AssertNone<Exclude<keyof KbApi, (typeof kbMethods)[number]>>;
