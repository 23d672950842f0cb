/**
 * One dropped document, read and mined in the document worker (pdf.js, the other readers
 * and the extraction engine run there, sandboxed, off the UI thread, never in main), with
 * the built-in lists plus the analyst's own.
 */
import type { DocumentText } from '../../../core/documents/types.ts';
import type { EntityMatch } from '../../../core/extract/entityNames/types.ts';
import type { ExtractionResult, ExtractOptions } from '../../../core/extract/types.ts';
import { readDocumentFile } from '../documents/client.ts';
import { knowledgeBase } from '../kb/client.ts';

export interface AnalysedFile {
  document: DocumentText;
  extraction: ExtractionResult;
  /** Issue 16: the knowledge base's groups, software, campaigns, countries and sectors the document names. */
  entities: EntityMatch[];
}

async function extractOptions(): Promise<Omit<ExtractOptions, 'publisherDomains'>> {
  const lists = await knowledgeBase().getExtractionLists({});
  return {
    allow: [{ name: 'Your allow list', values: lists.allow }, ...lists.warningLists],
    deny: [{ name: 'Your deny list', values: lists.deny }],
  };
}

/** Text with kana in it is Japanese; a report's `lang` helps whoever reads it next. */
export function languageOf(document: DocumentText): string | undefined {
  const sample = document.pages
    .slice(0, 3)
    .map((page) => page.text)
    .join('\n');
  return /[\u3040-\u30ff]/.test(sample) ? 'ja' : undefined;
}

export async function analyseFile(file: File, onProgress: (pagesDone: number, pagesTotal: number) => void): Promise<AnalysedFile> {
  // Read and mined in the document worker: the UI thread never runs the engine.
  const [extract, { entities: knownEntities }] = await Promise.all([extractOptions(), knowledgeBase().knownEntityNames({})]);
  return readDocumentFile(file, onProgress, { extract, knownEntities });
}
