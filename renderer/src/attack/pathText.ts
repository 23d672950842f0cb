/** A highlight's paths in the analyst's language, for the cell's tooltip and its accessible name. */
import type { TFunction } from 'i18next';
import type { TechniquePath } from '../../../core/attack/relatedTechniques.ts';

export function pathLine(t: TFunction, objectName: string, path: TechniquePath, technique: string): string {
  const via = path.via.map((step) => step.name).join(', ');
  if (path.kind === 'direct') return via === '' ? t('attack.paths.direct', { object: objectName, technique }) : t('attack.paths.directVia', { object: objectName, via, technique });
  return t(`attack.paths.${path.kind}`, { object: objectName, via, technique });
}
