/**
 * Importing a STIX bundle file into the knowledge base: hash it, keep the original, read
 * it (2.0 upgraded) and ingest it under one source per file content, so importing the
 * same file twice is recognised as the same import.
 */
import { readBundle, readBundleText, type BundleEvent, type Chunk } from '../../../core/stix/bundle/read.ts';
import { BundleError } from '../../../core/stix/bundle/errors.ts';
import type { Issue } from '../../../core/stix/issues.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import { KbError } from './errors.ts';
import { ingest, type IngestItem, type IngestOptions, type IngestResult } from './ingest.ts';
import { isMispFile, mispItems } from './mispFile.ts';

export interface ImportFileRequest {
  file: Blob;
  name: string;
}

export interface ImportFileResult extends IngestResult {
  sha256: string;
  specVersion: '2.0' | '2.1';
  bundleIssues: Issue[];
}

export async function sha256Hex(blob: Blob | ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', blob instanceof ArrayBuffer ? blob : await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function* blobChunks(blob: Blob): AsyncGenerator<Chunk> {
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/**
 * Files up to this size are parsed with JSON.parse, several times faster than streaming;
 * larger ones stream so memory stays bounded.
 */
const IN_MEMORY_LIMIT = 256 * 1024 * 1024;

/**
 * Objects per transaction for a file. bench:kb on the loaded 2-core VM: ATT&CK in batches
 * of 5,000 took 29 s where 1,000 took 48 s (the same run); each commit is a round trip to
 * the browser's IndexedDB, which a busy machine makes dear. Connectors keep 1,000.
 */
const FILE_BATCH = 5000;

/** Bundle events as ingest items; the closing event's issues are kept for the summary. */
async function* itemsOf(first: BundleEvent, rest: Iterator<BundleEvent> | AsyncIterator<BundleEvent>, end: { issues: Issue[]; specVersion: '2.0' | '2.1' }): AsyncGenerator<IngestItem> {
  for (let event: BundleEvent | undefined = first; event; ) {
    if (event.kind === 'object') yield { object: event.object, path: `/objects/${event.index}`, issues: event.issues };
    else {
      end.issues = [...event.issues];
      end.specVersion = event.specVersion;
    }
    const next = await rest.next();
    event = next.done === true ? undefined : next.value;
  }
}

export async function importBundleFile(db: KbDatabase, request: ImportFileRequest, options: IngestOptions = {}): Promise<ImportFileResult> {
  // One read of the file serves both the hash and, for files that fit in memory, the parse.
  const bytes = request.file.size <= IN_MEMORY_LIMIT ? await request.file.arrayBuffer() : null;
  // The digest runs on the browser's crypto thread while this one decodes and parses (bench:kb:
  // 0.1–0.8 s of ATT&CK's import were spent waiting for it first).
  const hashing = sha256Hex(bytes ?? request.file);
  // Awaited below on every path that goes on; a parse that fails first must not leave it unhandled.
  hashing.catch(() => undefined);
  const end = { issues: [] as Issue[], specVersion: '2.1' as '2.0' | '2.1' };
  let result: IngestResult;
  const keepFile = (sha256: string) => () => db.files.put({ sha256, name: request.name, size: request.file.size, mediaType: request.file.type || 'application/json', blob: request.file, addedAt: new Date().toISOString() });
  if (bytes && isMispFile(new Uint8Array(bytes), request.name)) {
    // A MISP event: converted to STIX first, then stored like a bundle's objects.
    const misp = mispItems(new TextDecoder().decode(bytes), request.name);
    const sha256 = await hashing;
    result = await ingest(db, misp.items, { id: `file:${sha256}`, kind: 'file', name: request.name, sha256 }, { batchSize: FILE_BATCH, ...options, alsoWrite: keepFile(sha256) });
    return { ...result, sha256, specVersion: '2.1', bundleIssues: misp.issues, warnings: result.warnings + misp.issues.length };
  }
  try {
    // Repairs (such as ATT&CK's empty x_mitre_data_source_ref) are applied and reported as warnings.
    const events = bytes ? readBundleText(new TextDecoder().decode(bytes), { repair: true }) : readBundle(blobChunks(request.file), { repair: true });
    // The first event is read before anything is written: a file that is not a bundle leaves no trace.
    const first = await events.next();
    if (first.done === true) throw new KbError('not-a-bundle', `${request.name}: the file holds no bundle.`);
    const sha256 = await hashing;
    result = await ingest(db, itemsOf(first.value, events, end), { id: `file:${sha256}`, kind: 'file', name: request.name, sha256 }, { batchSize: FILE_BATCH, ...options });
    // The original is kept once its objects are in: a large bundle's file (ATT&CK is 46 MB)
    // written first could take the room its objects need on a nearly full disk.
    await keepFile(sha256)();
    return { ...result, sha256, specVersion: end.specVersion, bundleIssues: end.issues };
  } catch (error) {
    if (error instanceof BundleError) throw new KbError('not-a-bundle', `${request.name}: ${error.message}`);
    throw error;
  }
}
