/**
 * An import's counts in words (issue 15, point 7): "24,771 objects: 24,771 new, 0 updated,
 * 0 unchanged, 0 quarantined, 807 warnings", with each number's plural from i18next.
 */
import { useTranslation } from 'react-i18next';
import type { IngestCounts } from '../kb/records.ts';
import type { Refusal } from './takeFiles.ts';

export interface SummaryInput {
  objects: number;
  counts: IngestCounts;
  /** Absent where the import ran before warnings were counted. */
  warnings?: number | undefined;
}

export function useImportSummary(): (input: SummaryInput) => string {
  const { t, i18n } = useTranslation();
  const part = (key: 'objects' | 'created' | 'updated' | 'unchanged' | 'quarantined' | 'warnings', count: number) =>
    t(`importResults.${key}`, { count, formatted: count.toLocaleString(i18n.language) });
  return ({ objects, counts, warnings }) => {
    const parts = {
      objects: part('objects', objects),
      created: part('created', counts.created),
      updated: part('updated', counts.updated),
      unchanged: part('unchanged', counts.unchanged),
      quarantined: part('quarantined', counts.rejected),
    };
    return warnings === undefined ? t('importResults.summary', parts) : t('importResults.summaryWarnings', { ...parts, warnings: part('warnings', warnings) });
  };
}

/** Why a dropped file was not taken, in the UI language. */
export function useRefusalText(): (refusal: Refusal) => string {
  const { t } = useTranslation();
  return ({ refusal }) => (refusal.code === 'binary-format' ? t('importResults.refusals.binary-format', { what: t(`importResults.binaryKinds.${refusal.what}`) }) : t(`importResults.refusals.${refusal.code}`));
}
