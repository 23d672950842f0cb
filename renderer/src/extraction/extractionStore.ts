/**
 * The documents dropped for indicator extraction: a queue read one file at a time (a PDF
 * read is CPU-heavy; two at once would only slow both), each with its progress, its
 * review state and its commit. It lives outside the page so the work goes on while the
 * analyst looks elsewhere.
 */
import { create } from 'zustand';
import { DocumentError, type DocumentErrorCode } from '../../../core/documents/types.ts';
import { reportDefaults } from '../../../core/documents/reportDefaults.ts';
import type { EntityMatch } from '../../../core/extract/entityNames/types.ts';
import type { ExtractionResult } from '../../../core/extract/types.ts';
import type { TlpLevel } from '../../../core/stix/markings.ts';
import { releaseDocument, type DocumentSummary } from '../documents/client.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import type { CommitExtractionResult } from '../kb/commitExtraction.ts';
import { analyseFile, languageOf } from './analyseFile.ts';
import { defaultSelection, indicatorKey } from './selection.ts';

export type JobStatus = 'queued' | 'reading' | 'review' | 'committing' | 'committed' | 'failed';

export interface ReportDraft {
  name: string;
  /** yyyy-mm-dd, as a date input gives it. */
  published: string;
  author: string;
}

export interface ExtractionJob {
  id: number;
  file: File;
  status: JobStatus;
  pagesDone: number;
  pagesTotal: number;
  /** The document's summary; its text stays in the document worker under `documentId`. */
  document: DocumentSummary | null;
  documentId: number | null;
  extraction: ExtractionResult | null;
  selected: ReadonlySet<string>;
  /** Known objects the document names (issue 16), and the ids of those ticked for the report. */
  entities: EntityMatch[];
  selectedEntities: ReadonlySet<string>;
  draft: ReportDraft;
  tlp: TlpLevel;
  error: string | null;
  /** Why a document could not be read, for a message in the UI's language; the English detail is `error`. */
  errorCode: DocumentErrorCode | null;
  commit: CommitExtractionResult | null;
  /** Only these values (`indicatorKey`) are reviewed: a lookup's unknown ones (issue 21, point 1), not the hosts the engine also finds in their URLs. */
  only?: ReadonlySet<string>;
}

interface ExtractionState {
  jobs: ExtractionJob[];
  activeId: number | null;
  enqueue: (files: readonly File[], options?: { only?: ReadonlySet<string> }) => void;
  activate: (id: number) => void;
  remove: (id: number) => void;
  toggle: (id: number, key: string) => void;
  setMany: (id: number, keys: readonly string[], selected: boolean) => void;
  toggleEntity: (id: number, entityId: string) => void;
  setManyEntities: (id: number, entityIds: readonly string[], selected: boolean) => void;
  editDraft: (id: number, draft: Partial<ReportDraft>) => void;
  setTlp: (id: number, tlp: TlpLevel) => void;
  commit: (id: number) => void;
}

let nextId = 1;
let reading = false;

/** A 500-page PDF reports every page; drawing each report kept the UI thread busy (issue 16, point 3). */
const PROGRESS_EVERY_MS = 100;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function titleFromName(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Issue 16: a generic PDF title gives way to the first heading, a printed date to the metadata's. */
function draftDefaults(document: DocumentSummary, fileName: string): { name: string; published: string } {
  const { metadata } = document;
  const defaults = reportDefaults({ metadataTitle: metadata.title, metadataDate: metadata.date, firstPage: document.firstPages[0]?.text ?? '', fileName, headed: document.format === 'pdf' || document.format === 'html' || document.format === 'markdown' });
  return { name: defaults.name, published: defaults.published ?? today() };
}

function flipped(set: ReadonlySet<string>, keys: readonly string[], selected: boolean): Set<string> {
  const next = new Set(set);
  for (const key of keys) {
    if (selected) next.add(key);
    else next.delete(key);
  }
  return next;
}

export const useExtractionStore = create<ExtractionState>()((set, get) => {
  const update = (id: number, change: Partial<ExtractionJob> | ((job: ExtractionJob) => Partial<ExtractionJob>)) =>
    set((state) => ({ jobs: state.jobs.map((job) => (job.id === id ? { ...job, ...(typeof change === 'function' ? change(job) : change) } : job)) }));

  /** Reads the next queued file; called again when one finishes. */
  async function pump(): Promise<void> {
    if (reading) return;
    const job = get().jobs.find((entry) => entry.status === 'queued');
    if (!job) return;
    reading = true;
    update(job.id, { status: 'reading' });
    let shownAt = 0;
    const onProgress = (pagesDone: number, pagesTotal: number): void => {
      const now = performance.now();
      if (pagesDone < pagesTotal && now - shownAt < PROGRESS_EVERY_MS) return;
      shownAt = now;
      update(job.id, { pagesDone, pagesTotal });
    };
    try {
      const { document, documentId, extraction: found, entities } = await analyseFile(job.file, onProgress);
      const only = job.only;
      const extraction = only ? { ...found, indicators: found.indicators.filter((indicator) => only.has(indicatorKey(indicator))) } : found;
      const metadata = document.metadata;
      update(job.id, {
        status: 'review',
        document,
        documentId,
        extraction,
        selected: defaultSelection(extraction.indicators),
        entities,
        selectedEntities: new Set(entities.filter((entity) => entity.ticked).map((entity) => entity.id)),
        pagesDone: document.pageCount,
        pagesTotal: document.pageCount,
        draft: { ...draftDefaults(document, job.file.name), author: metadata.author?.trim() ?? '' },
      });
    } catch (error) {
      update(job.id, { status: 'failed', error: messageOf(error), errorCode: error instanceof DocumentError ? error.code : null });
    } finally {
      reading = false;
    }
    void pump();
  }

  return {
    jobs: [],
    activeId: null,
    enqueue(files, options = {}) {
      const added: ExtractionJob[] = files.map((file) => ({
        id: nextId++,
        file,
        status: 'queued',
        pagesDone: 0,
        pagesTotal: 0,
        document: null,
        documentId: null,
        extraction: null,
        selected: new Set<string>(),
        entities: [],
        selectedEntities: new Set<string>(),
        draft: { name: titleFromName(file.name), published: today(), author: '' },
        tlp: 'amber',
        error: null,
        errorCode: null,
        commit: null,
        ...(options.only ? { only: options.only } : {}),
      }));
      set((state) => ({ jobs: [...state.jobs, ...added], activeId: state.activeId ?? added[0]?.id ?? null }));
      void pump();
    },
    activate(id) {
      set({ activeId: id });
    },
    remove(id) {
      const removed = get().jobs.find((job) => job.id === id && job.status !== 'reading' && job.status !== 'committing');
      if (removed && removed.documentId !== null) releaseDocument(removed.documentId);
      set((state) => {
        const jobs = state.jobs.filter((job) => job.id !== id || job.status === 'reading' || job.status === 'committing');
        return { jobs, activeId: state.activeId === id ? (jobs[0]?.id ?? null) : state.activeId };
      });
    },
    toggle(id, key) {
      update(id, (job) => {
        const selected = new Set(job.selected);
        if (selected.has(key)) selected.delete(key);
        else selected.add(key);
        return { selected };
      });
    },
    setMany(id, keys, selected) {
      update(id, (job) => {
        const next = new Set(job.selected);
        for (const key of keys) {
          if (selected) next.add(key);
          else next.delete(key);
        }
        return { selected: next };
      });
    },
    toggleEntity(id, entityId) {
      update(id, (job) => ({ selectedEntities: flipped(job.selectedEntities, [entityId], !job.selectedEntities.has(entityId)) }));
    },
    setManyEntities(id, entityIds, selected) {
      update(id, (job) => ({ selectedEntities: flipped(job.selectedEntities, entityIds, selected) }));
    },
    editDraft(id, draft) {
      update(id, (job) => ({ draft: { ...job.draft, ...draft } }));
    },
    setTlp(id, tlp) {
      update(id, { tlp });
    },
    commit(id) {
      const job = get().jobs.find((entry) => entry.id === id);
      if (!job?.extraction || job.status !== 'review') return;
      const indicators = job.extraction.indicators.filter((indicator) => job.selected.has(indicatorKey(indicator)));
      update(id, { status: 'committing', error: null });
      knowledgeBase()
        .commitExtraction({
          file: job.file,
          fileName: job.file.name,
          mediaType: job.file.type,
          report: {
            name: job.draft.name.trim() || titleFromName(job.file.name),
            published: job.draft.published || today(),
            author: job.draft.author.trim(),
            ...(job.document && languageOf(job.document) ? { lang: languageOf(job.document) } : {}),
          },
          tlp: job.tlp,
          indicators,
          entityIds: job.entities.filter((entity) => job.selectedEntities.has(entity.id)).map((entity) => entity.id),
        })
        .then(
          (commit) => {
            update(id, { status: 'committed', commit });
            notifyKnowledgeChanged();
          },
          (error: unknown) => update(id, { status: 'review', error: messageOf(error) }),
        );
    },
  };
});
