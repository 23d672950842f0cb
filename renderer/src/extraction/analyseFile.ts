/**
 * One dropped document, read and mined: its text comes from the document worker (pdf.js
 * and the other readers run there, sandboxed, never in main), then the extraction engine
 * runs with the built-in lists plus the analyst's own.
 */
import type { DocumentText } from '../../../core/documents/types.ts';
import type { EntityMatch } from '../../../core/extract/entityNames/types.ts';
import type { ExtractionResult, ExtractOptions } from '../../../core/extract/types.ts';
import { readDocumentFile } from '../documents/client.ts';
import { knowledgeBase } from '../kb/client.ts';
import { findKnownEntities } from './knownEntities.ts';

export interface AnalysedFile {
  document: DocumentText;
  extraction: ExtractionResult;
  /** Issue 16: the knowledge base's groups, software, campaigns, countries and sectors the document names. */
  entities: EntityMatch[];
}

async function extractOptions(document: DocumentText): Promise<ExtractOptions> {
  const lists = await knowledgeBase().getExtractionLists({});
  return {
    allow: [{ name: 'Your allow list', values: lists.allow }, ...lists.warningLists],
    deny: [{ name: 'Your deny list', values: lists.deny }],
    publisherDomains: document.metadata.publisherDomains ?? [],
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
  const document = await readDocumentFile(file, onProgress);
  // The engine (with the public-suffix list) loads on first use, not with the window.
  const [{ extractIndicators }, options] = await Promise.all([import('../../../core/extract/index.ts'), extractOptions(document)]);
  return { document, extraction: extractIndicators(document.pages, options), entities: await findKnownEntities(document.pages) };
}
