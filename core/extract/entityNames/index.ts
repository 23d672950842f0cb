/** Names of known threats in documents (issue 16, point 2): the public API. */
export { buildNameIndex, type NameIndex } from './nameIndex.ts';
export { findEntityNames } from './findNames.ts';
export { knownEntitiesOf } from './fromStix.ts';
export type * from './types.ts';
