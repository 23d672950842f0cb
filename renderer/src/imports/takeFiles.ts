/**
 * Where dropped or chosen files go: STIX bundles and MISP events to the bundle import
 * (they carry structured objects), documents to indicator extraction, anything else back
 * to the analyst with the reason. The decision reads the file's first bytes, not only its
 * name.
 */
import { detectFormat, SNIFF_BYTES, type FormatRefusal } from '../../../core/documents/detectFormat.ts';
import { useExtractionStore } from '../extraction/extractionStore.ts';
import { useImportStore } from './importStore.ts';

export interface Refusal {
  name: string;
  /** Why, as a code the Import page words in the UI language (issue 15: no English in the Japanese UI). */
  refusal: FormatRefusal | { code: 'one-bundle-at-a-time' };
}

export async function takeFiles(files: readonly File[]): Promise<Refusal[]> {
  const refused: Refusal[] = [];
  const documents: File[] = [];
  let bundle: File | null = null;
  for (const file of files) {
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    const detected = detectFormat(file.name, head);
    if (detected.kind === 'document') documents.push(file);
    else if (detected.kind === 'unsupported') refused.push({ name: file.name, refusal: detected.refusal });
    else if (bundle) refused.push({ name: file.name, refusal: { code: 'one-bundle-at-a-time' } });
    else bundle = file;
  }
  if (bundle) useImportStore.getState().choose(bundle);
  if (documents.length > 0) useExtractionStore.getState().enqueue(documents);
  return refused;
}
