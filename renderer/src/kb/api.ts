/**
 * The knowledge base's API, as served by its worker over a MessagePort: one method map,
 * from which the UI's client and later main's connectors are typed.
 */
import type { Investigation } from '../../../core/investigation/types.ts';
import type { RpcApi } from '../../../core/rpc/rpc.ts';
import { validateObject } from '../../../core/stix/validate.ts';
import { changeHead, changesAfter, trimChanges } from './changes.ts';
import { commitExtraction, type CommitExtractionRequest } from './commitExtraction.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import { countEverything, deleteEverything } from './deleteEverything.ts';
import { deleteObjects, undoSource } from './deletion.ts';
import { createNote, createOpinion, createRelationship, deleteRelationship, updateRelationship, type CreateNoteRequest, type CreateOpinionRequest, type CreateRelationshipRequest, type UpdateRelationshipRequest } from './edits.ts';
import { createBackupSessions } from './backup/sessions.ts';
import { editObject, listVersions, restoreVersion, type EditObjectRequest } from './versions/editObject.ts';
import { undoChange, undoList } from './versions/undo.ts';
import { mergeObjects, type MergeObjectsRequest } from './merge/mergeObjects.ts';
import { possibleDuplicates } from './merge/possibleDuplicates.ts';
import { bulkEdit, deleteUndoably, revokeObjects, type BulkAction, type BulkProgress } from './versions/bulk.ts';
import { danglingReferences } from './versions/dangling.ts';
import { deleteLabel, listLabels, mergeLabels, renameLabel, setLabelColour, type LabelColour } from './versions/labels.ts';
import { getAnalystProfile } from './curation/analystProfile.ts';
import { createObjects, saveAnalystProfile, type CreateObjectsRequest } from './curation/createObjects.ts';
import { restoreBackup, type RestoreProgress, type RestoreRequest } from './backup/restore.ts';
import { exportBundle, type ExportRequest } from './exportBundle.ts';
import { getExtractionLists, setExtractionLists } from './extractionLists.ts';
import { activeWarninglistSet, warninglistHitsOf } from './warninglists/activeIndex.ts';
import { warninglistRevision } from './warninglists/choices.ts';
import { addWarninglist, listWarninglists, removeWarninglist, setWarninglistEnabled } from './warninglists/manage.ts';
import { getDecayOverrides, setDecayOverrides } from './lifecycle/decaySettings.ts';
import { expireIndicators } from './lifecycle/expireIndicators.ts';
import { importBundleFile, type ImportFileRequest } from './importFile.ts';
import { listImportWarnings } from './importWarnings.ts';
import { deleteInvestigation, getInvestigation, listInvestigations, renameInvestigation, saveInvestigation } from './investigations.ts';
import { previewBundleFile } from './preview.ts';
import { ingest, withUnrecordedFailures, type IngestItem, type IngestProgress, type IngestSource } from './ingest.ts';
import { attackMatrix, type AttackMatrixRequest } from './queries/attackMatrix.ts';
import { getObject } from './queries/detail.ts';
import { closure, neighbourCounts, neighbours, subgraph, type ClosureOptions, type NeighbourCountRequest, type NeighbourRequest } from './queries/graph.ts';
import { listObjects, type ListRequest } from './queries/listObjects.ts';
import { objectNames } from './queries/names.ts';
import { entityLinkCounts, entityLinks, type LinkRequest } from './queries/entityLinks.ts';
import { containerContents, type ContentsRequest } from './queries/containerContents.ts';
import { occurrences } from './queries/occurrences.ts';
import { knownEntityNames } from './queries/knownEntityNames.ts';
import { knownValues, type KnownValueQuery } from './queries/knownValues.ts';
import { search, type SearchRequest } from './queries/search.ts';
import { stats } from './queries/stats.ts';
import { dashboard } from './queries/dashboard.ts';
import { storeFacts } from './storeIdentity.ts';
import { taxiiAdd, taxiiHead, taxiiSnapshot } from './taxii/collections.ts';
import { moveToTrash, type TrashRequest } from './trash/moveToTrash.ts';
import { restoreFromTrash } from './trash/restoreFromTrash.ts';
import { deleteFromTrash, emptyTrash, getTrashRetention, listTrash, purgeTrash, setTrashRetention } from './trash/trashEntries.ts';
import type { QuarantineEntry } from './records.ts';

/** Runs writes one after another: ingest relies on nobody else writing while it runs. */
function oneWriterAtATime(): <T>(write: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (write) => {
    const result = tail.then(write, write);
    tail = result.catch(() => undefined);
    return result;
  };
}

export function createKbApi(db: KbDatabase) {
  const writing = oneWriterAtATime();
  const schemaVersion = Math.max(...db.versionsKnown);
  const backups = createBackupSessions(db, schemaVersion, writing);
  let cancelRestore = false;
  return {
    importBundleFile: (request: ImportFileRequest, progress: (report: IngestProgress) => void) => writing(() => importBundleFile(db, request, { onProgress: progress })),
    previewBundleFile: (request: ImportFileRequest) => previewBundleFile(request.file, request.name),
    ingestObjects: (request: { items: IngestItem[]; source: IngestSource }, progress: (report: IngestProgress) => void) =>
      writing(() => ingest(db, request.items, request.source, { onProgress: progress })),
    // Connector batches arrive as plain objects; validating here keeps that work off the UI thread.
    ingestStix: (request: { objects: unknown[]; source: IngestSource }, progress: (report: IngestProgress) => void) =>
      writing(() => ingest(db, request.objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), request.source, { onProgress: progress })),
    getObject: (request: { id: string }) => getObject(db, request.id),
    // Issue 15: names for many references in one read (ObjectRef chips, property tables, lists).
    objectNames: (request: { ids: string[] }) => objectNames(db, request.ids),
    // Issue 15: an entity page's lists (relationships by group, analyses, sightings…) and a report's contents, paged.
    entityLinks: (request: LinkRequest) => entityLinks(db, request),
    entityLinkCounts: (request: { id: string }) => entityLinkCounts(db, request.id),
    containerContents: (request: ContentsRequest) => containerContents(db, request),
    listObjects: (request: ListRequest) => listObjects(db, request),
    search: (request: SearchRequest) => search(db, request),
    neighbours: (request: NeighbourRequest) => neighbours(db, request),
    subgraph: (request: { ids: string[] }) => subgraph(db, request.ids),
    neighbourCounts: (request: NeighbourCountRequest) => neighbourCounts(db, request),
    closure: (request: { ids: string[] } & ClosureOptions) => closure(db, request.ids, request),
    stats: (_request: Record<string, never>) => stats(db),
    // Issue 15: the morning's reports, indicators, active threats and targets (bounded windows).
    dashboard: (_request: Record<string, never>) => dashboard(db),
    listSources: async (_request: Record<string, never>) => withUnrecordedFailures(await db.sources.orderBy('lastImportedAt').reverse().toArray()),
    listQuarantine: async (request: { sourceId?: string; offset?: number; limit?: number }): Promise<{ rows: QuarantineEntry[]; total: number }> => {
      const collection = request.sourceId ? db.quarantine.where('sourceId').equals(request.sourceId) : db.quarantine.toCollection();
      const total = await collection.count();
      const rows = await collection.offset(request.offset ?? 0).limit(Math.min(request.limit ?? 100, 1000)).toArray();
      return { rows, total };
    },
    listImportWarnings: (request: { sourceId: string; offset?: number; limit?: number }) => listImportWarnings(db, request),
    deleteObjects: (request: { ids: string[] }) => writing(() => deleteObjects(db, request.ids)),
    undoSource: (request: { sourceId: string }) => writing(() => undoSource(db, request.sourceId)),
    countEverything: (_request: Record<string, never>) => countEverything(db),
    deleteEverything: (_request: Record<string, never>) => writing(() => deleteEverything(db)),
    // The store's identity and the connectors it holds objects from, for main (issue 14).
    storeFacts: (_request: Record<string, never>) => storeFacts(db),
    exportBundle: (request: ExportRequest) => exportBundle(db, request),
    commitExtraction: (request: CommitExtractionRequest) => writing(() => commitExtraction(db, request)),
    getExtractionLists: (_request: Record<string, never>) => getExtractionLists(db),
    // Issue 16: the names and aliases the extraction review looks for in a document.
    knownEntityNames: (_request: Record<string, never>) => knownEntityNames(db),
    setExtractionLists: (request: { lists: unknown }) => writing(() => setExtractionLists(db, request.lists)),
    // Issue 21, point 4: the warninglists in force (shipped − turned off + added), and the analyst's choices.
    listWarninglists: (_request: Record<string, never>) => listWarninglists(db),
    setWarninglistEnabled: (request: { name: string; enabled: boolean }) => writing(() => setWarninglistEnabled(db, request)),
    addWarninglist: (request: { file: Blob; name: string }) => writing(() => addWarninglist(db, request)),
    removeWarninglist: (request: { name: string }) => writing(() => removeWarninglist(db, request)),
    activeWarninglists: (_request: Record<string, never>) => activeWarninglistSet(db),
    // A new one after every change of the lists in force: main's streams ask for the lists again (streamPump.ts).
    warninglistRevision: async (_request: Record<string, never>) => ({ revision: await warninglistRevision(db) }),
    warninglistHits: async (request: { values: { type: string; value: string }[] }) => ({ hits: await warninglistHitsOf(db, request.values) }),
    listInvestigations: (_request: Record<string, never>) => listInvestigations(db),
    getInvestigation: (request: { id: string }) => getInvestigation(db, request.id),
    // Typed for the caller, parsed anyway (core/investigation/schema.ts): a port carries anything.
    saveInvestigation: (request: { investigation: Investigation }) => writing(() => saveInvestigation(db, request.investigation)),
    renameInvestigation: (request: { id: string; name: string }) => writing(() => renameInvestigation(db, request.id, request.name)),
    deleteInvestigation: (request: { id: string }) => writing(() => deleteInvestigation(db, request.id)),
    createRelationship: (request: CreateRelationshipRequest) => writing(() => createRelationship(db, request)),
    updateRelationship: (request: UpdateRelationshipRequest) => writing(() => updateRelationship(db, request)),
    deleteRelationship: (request: { id: string }) => writing(() => deleteRelationship(db, request.id)),
    // Issue 17: objects made with the forms, and who the analyst is (their identity, default TLP).
    createObjects: (request: CreateObjectsRequest) => writing(() => createObjects(db, request)),
    getAnalystProfile: async (_request: Record<string, never>) => ({ profile: await getAnalystProfile(db) }),
    saveAnalystProfile: (request: { profile: unknown }) => writing(async () => ({ profile: await saveAnalystProfile(db, request.profile) })),
    // Issue 17: edits as new versions, their history, and undo of any hand change (versions/).
    editObject: (request: EditObjectRequest) => writing(() => editObject(db, request)),
    listVersions: (request: { id: string }) => listVersions(db, request.id),
    restoreVersion: (request: { id: string; modified: string }) => writing(() => restoreVersion(db, request)),
    undoEdit: (request: { undoId?: string }) => writing(() => undoChange(db, request.undoId)),
    listUndo: (_request: Record<string, never>) => Promise.resolve({ changes: undoList(db) }),
    // Issue 17: merging duplicates (merge/); ATT&CK placeholders are reconciled by ingest itself.
    mergeObjects: (request: MergeObjectsRequest) => writing(() => mergeObjects(db, request)),
    possibleDuplicates: (request: { type: string }) => possibleDuplicates(db, request),
    bulkEdit: (request: { ids: string[]; action: BulkAction }, progress: (report: BulkProgress) => void) => writing(() => bulkEdit(db, request, progress)),
    revokeObjects: (request: { ids: string[] }, progress: (report: BulkProgress) => void) => writing(() => revokeObjects(db, request, progress)),
    // deleteObjects as above, remembered for undo (the UI's delete uses this one).
    deleteObjectsUndoably: (request: { ids: string[]; why?: string }) => writing(() => deleteUndoably(db, request)),
    // Issue 21, point 5: the trash — delete moves there, the Trash page restores or empties,
    // the purge (renderer/src/lifecycle/trashPurge.ts) drops entries past the retention.
    moveToTrash: (request: TrashRequest) => writing(() => moveToTrash(db, request)),
    listTrash: (request: { offset?: number; limit?: number }) => listTrash(db, request),
    restoreFromTrash: (request: { entryId: string }) => writing(() => restoreFromTrash(db, request.entryId)),
    deleteFromTrash: (request: { entryId: string }) => writing(() => deleteFromTrash(db, request.entryId)),
    emptyTrash: (_request: Record<string, never>) => writing(() => emptyTrash(db)),
    purgeTrash: (_request: Record<string, never>) => writing(() => purgeTrash(db)),
    getTrashRetention: (_request: Record<string, never>) => getTrashRetention(db),
    setTrashRetention: (request: { days: number }) => writing(() => setTrashRetention(db, request.days)),
    danglingReferences: (request: { ids: string[] }) => danglingReferences(db, request.ids),
    listLabels: (_request: Record<string, never>) => listLabels(db),
    renameLabel: (request: { from: string; to: string }, progress: (report: BulkProgress) => void) => writing(() => renameLabel(db, request, progress)),
    mergeLabels: (request: { from: string[]; into: string }, progress: (report: BulkProgress) => void) => writing(() => mergeLabels(db, request, progress)),
    deleteLabel: (request: { label: string }, progress: (report: BulkProgress) => void) => writing(() => deleteLabel(db, request, progress)),
    setLabelColour: (request: { label: string; colour: LabelColour | null }) => writing(() => setLabelColour(db, request)),
    createNote: (request: CreateNoteRequest) => writing(() => createNote(db, request)),
    createOpinion: (request: CreateOpinionRequest) => writing(() => createOpinion(db, request)),
    changesAfter: (request: { after: number; limit: number }) => changesAfter(db, request.after, request.limit),
    occurrences: (request: { id: string }) => occurrences(db, request.id),
    // Issue 16: known or new, for every value of an extraction under review in one call.
    knownValues: (request: { values: KnownValueQuery[] }) => knownValues(db, request.values),
    // Issue 15: an object's ATT&CK matrix (core/attack), and a second object's to compare.
    attackMatrix: (request: AttackMatrixRequest) => attackMatrix(db, request),
    // Small values the UI keeps with the knowledge base (the auto-enricher's place in the feed).
    getState: async (request: { key: string }) => ({ value: (await db.state.get(request.key))?.value ?? null }),
    putState: (request: { key: string; value: unknown }) => writing(async () => {
      await db.state.put({ key: request.key, value: request.value });
      return { saved: true };
    }),
    trimChanges: (request: { through: number }) => writing(async () => ({ trimmed: await trimChanges(db, request.through) })),
    changeHead: async (_request: Record<string, never>) => ({ head: await changeHead(db) }),
    // A backup is pulled a chunk at a time (backup/sessions.ts); it holds the writer lock meanwhile.
    backupOpen: (request: { appVersion: string; connectors: unknown }) => backups.open(request),
    backupRead: (request: { session: string }) => backups.read(request),
    backupClose: (request: { session: string }) => backups.close(request),
    restoreBackup: (request: RestoreRequest, progress: (report: RestoreProgress) => void) =>
      writing(() => {
        cancelRestore = false;
        return restoreBackup(db, request, { newestSchemaVersion: schemaVersion, onProgress: progress, cancelled: () => cancelRestore });
      }),
    // Not queued behind the restore it stops.
    cancelRestore: (_request: Record<string, never>) => {
      cancelRestore = true;
      return Promise.resolve({ cancelled: true });
    },
    // Issue 21: indicators that age — the expiry pass (renderer/src/lifecycle/indicatorExpiry.ts runs it) and the model's settings.
    expireIndicators: (_request: Record<string, never>) => writing(() => expireIndicators(db)),
    getDecaySettings: async (_request: Record<string, never>) => ({ overrides: await getDecayOverrides(db) }),
    setDecaySettings: (request: { overrides: unknown }) => writing(() => setDecayOverrides(db, request.overrides)),
    // Issue 18: the TAXII server's collections and what its clients post.
    taxiiHead: (_request: Record<string, never>) => taxiiHead(db),
    taxiiSnapshot: (request: Parameters<typeof taxiiSnapshot>[1]) => taxiiSnapshot(db, request),
    taxiiAdd: (request: Parameters<typeof taxiiAdd>[1]) => writing(() => taxiiAdd(db, request)),
    // The original of an imported file or report, to save it again as it was received.
    getFile: async (request: { sha256: string }) => (await db.files.get(request.sha256)) ?? null,
  } satisfies RpcApi;
}

export type KbApi = ReturnType<typeof createKbApi>;
