/**
 * One dropped document, read and mined in the document worker (pdf.js, the other readers
 * and the extraction engine run there, sandboxed, off the UI thread, never in main), with
 * the built-in lists plus the analyst's own.
 */
import type { ExtractOptions } from '../../../core/extract/types.ts';
import { readDocumentFile, type DocumentSummary, type HeldDocument } from '../documents/client.ts';
import { knowledgeBase } from '../kb/client.ts';

/**
 * The document's summary, its indicators and (issue 16) the knowledge base's groups,
 * software, campaigns, countries and sectors it names; its text stays in the document
 * worker under `documentId`.
 */
export type AnalysedFile = HeldDocument;

async function extractOptions(): Promise<Omit<ExtractOptions, 'publisherDomains'>> {
  const [lists, warninglists] = await Promise.all([knowledgeBase().getExtractionLists({}), knowledgeBase().activeWarninglists({})]);
  return {
    allow: [{ name: 'Your allow list', values: lists.allow }, ...lists.warningLists],
    deny: [{ name: 'Your deny list', values: lists.deny }],
    // Issue 21, point 4: the lists in force (the analyst's on/off and added copies), not only the shipped ones.
    warninglists: warninglists.lists,
  };
}

/** Text with kana in it is Japanese; a report's `lang` helps whoever reads it next. */
export function languageOf(document: DocumentSummary): string | undefined {
  const sample = document.firstPages
    .map((page) => page.text)
    .join('\n');
  return /[\u3040-\u30ff]/.test(sample) ? 'ja' : undefined;
}

export async function analyseFile(file: File, onProgress: (pagesDone: number, pagesTotal: number) => void): Promise<AnalysedFile> {
  // Read and mined in the document worker: the UI thread never runs the engine.
  const [extract, { entities: knownEntities }] = await Promise.all([extractOptions(), knowledgeBase().knownEntityNames({})]);
  return readDocumentFile(file, onProgress, { extract, knownEntities });
}
