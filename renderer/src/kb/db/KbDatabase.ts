/**
 * The knowledge base's Dexie database. It is opened only inside the knowledge-base worker
 * (DESIGN.md: the knowledge base is the only writer of IndexedDB).
 */
import Dexie, { type Table } from 'dexie';
import type { Investigation } from '../../../../core/investigation/types.ts';
import { KbError } from '../errors.ts';
import { storeIdentity } from '../storeIdentity.ts';
import type { ChangeRow, QuarantineEntry, SourceRecord, StoredFile, StoredObject } from '../records.ts';
import type { TrashEntry } from '../trash/trashRecords.ts';
import type { VersionRecord } from '../versions/history.ts';
import { compactKeys } from './compactKeys.ts';
import { migrations, type Migration } from './migrations/index.ts';

export const defaultDatabaseName = 'magpie-knowledge-base';

export class KbDatabase extends Dexie {
  declare objects: Table<StoredObject, string>;
  declare sources: Table<SourceRecord, string>;
  declare files: Table<StoredFile, string>;
  declare quarantine: Table<QuarantineEntry, number>;
  declare state: Table<{ key: string; value: unknown }, string>;
  declare investigations: Table<Investigation, string>;
  declare changes: Table<ChangeRow, number>;
  declare versions: Table<VersionRecord, string>;
  declare trash: Table<TrashEntry, string>;

  /** The schema versions this build of Magpie knows. */
  readonly versionsKnown: readonly number[];

  constructor(name: string = defaultDatabaseName, versions: readonly Migration[] = migrations, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.use(compactKeys);
    this.versionsKnown = versions.map((migration) => migration.version);
    for (const migration of versions) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
  }
}

const newerMessage = 'This knowledge base was written by a newer version of Magpie. Update Magpie to open it; nothing has been changed.';

/** Opens the database, turning Dexie's failures into errors an analyst can act on. */
export async function openKnowledgeBase(database: KbDatabase): Promise<KbDatabase> {
  const newest = Math.max(0, ...database.versionsKnown);
  try {
    await database.open();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'VersionError' || name === 'UpgradeError') {
      throw new KbError('database-newer', newerMessage);
    }
    if (name === 'MissingAPIError' || name === 'InvalidStateError') {
      throw new KbError('storage-unavailable', 'This window cannot use IndexedDB, so the knowledge base cannot open.');
    }
    throw error;
  }
  // Dexie 4 opens a newer database as it finds it; its records may mean something else.
  // Dexie stores version N as IndexedDB version N × 10.
  if (database.backendDB().version / 10 > newest) {
    database.close();
    throw new KbError('database-newer', newerMessage);
  }
  await markInterruptedImports(database);
  await storeIdentity(database);
  return database;
}

/**
 * An import still marked running when the database opens was cut off (the app closed or
 * crashed). What it committed is kept and counted; saying so lets the analyst re-run it.
 */
async function markInterruptedImports(database: KbDatabase): Promise<void> {
  await database.sources
    .filter((source) => source.status === 'running')
    .modify((source) => {
      source.status = 'failed';
      source.error = `Interrupted: Magpie closed before this import finished. ${source.committedObjects} objects were stored; import the file again to add the rest.`;
    });
}
