/** The indicator-extraction engine: the public API. */
export { extractIndicators } from './extract.ts';
export { refang } from './refang.ts';
export { parseWarningList, WarningListError } from './warningList.ts';
export { FLAG_CODES, FLAG_DESCRIPTIONS } from './flags.ts';
export { BUILTIN_BENIGN, BUILTIN_FREEMAIL, BUILTIN_PUBLISHERS } from './valueLists.ts';
export type * from './types.ts';
