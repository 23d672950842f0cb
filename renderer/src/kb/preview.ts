/** What a bundle file holds, read and validated without storing anything. */
import { readBundleText } from '../../../core/stix/bundle/read.ts';
import { BundleError } from '../../../core/stix/bundle/errors.ts';
import { KbError } from './errors.ts';
import { isMispFile, mispItems } from './mispFile.ts';

export interface BundlePreview {
  specVersion: '2.0' | '2.1';
  objects: number;
  byType: Record<string, number>;
  /** Objects with at least one error: they would go to quarantine. */
  invalid: number;
  warnings: number;
}

export async function previewBundleFile(file: Blob, name: string): Promise<BundlePreview> {
  const preview: BundlePreview = { specVersion: '2.1', objects: 0, byType: {}, invalid: 0, warnings: 0 };
  const text = await file.text();
  if (isMispFile(new TextEncoder().encode(text.slice(0, 65_536)), name)) {
    for (const item of mispItems(text, name).items) {
      preview.objects += 1;
      const type = (item.object as { type?: unknown }).type;
      const key = typeof type === 'string' ? type : '?';
      preview.byType[key] = (preview.byType[key] ?? 0) + 1;
    }
    return preview;
  }
  try {
    for (const event of readBundleText(text, { repair: true })) {
      if (event.kind === 'end') {
        preview.specVersion = event.specVersion;
        continue;
      }
      preview.objects += 1;
      const type = typeof event.object['type'] === 'string' ? event.object['type'] : '?';
      preview.byType[type] = (preview.byType[type] ?? 0) + 1;
      const errors = event.issues.filter((issue) => issue.severity === 'error').length;
      if (errors > 0) preview.invalid += 1;
      preview.warnings += event.issues.length - errors;
    }
  } catch (error) {
    if (error instanceof BundleError) throw new KbError('not-a-bundle', `${name}: ${error.message}`);
    throw error;
  }
  return preview;
}
