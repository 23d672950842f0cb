/**
 * The STIX 2.1 core (issue 4): what the knowledge base, extraction, connectors and exports
 * import. OASIS STIX Version 2.1 is the reference throughout; each module cites its section.
 */
export { hasErrors, type Issue, type IssueRule, type Severity } from './issues.ts';
export { validateObject, type ValidateOptions } from './validate.ts';
export {
  attackObjectId, attackPatternId, derivedId, generateScoId, ID_CONTRIBUTING_PROPERTIES, idContribution, identityId, randomId, reportId, reportIdForFile,
  STIX_NAMESPACE, vulnerabilityId,
} from './ids.ts';
export { compareTlp, customTlpLevels, TLP_1, TLP_2, TLP_2_EXTENSION_ID, TLP_ORDER, tlpAtMost, tlpLevelOf, tlpLevelOfDefinition, tlpOf, unofficialMarkingRefs, type TlpLevel } from './markings.ts';
export { mergeVersions, type MergeOutcome, type MergeResult } from './merge.ts';
export { BundleError, type BundleErrorCode } from './bundle/errors.ts';
export { chunksOf, readBundle, readBundleText, readParsedBundle, type BundleEvent, type Chunk, type ReadOptions } from './bundle/read.ts';
export { bundleToString, writeBundle, type WriteOptions } from './bundle/write.ts';
export { repairObject } from './bundle/repair.ts';
export { parsePattern, type PatternResult } from './pattern/parse.ts';
export { patternFor, quote as quotePatternString } from './pattern/generate.ts';
export { observablesFromPattern, type ObservablesResult, type PatternObservable } from './pattern/observables.ts';
export type * from './pattern/ast.ts';
export type * from './model/types.ts';
export { isScoType, isCustomType, specCategory, SCO_TYPES, SDO_TYPES, SRO_TYPES, META_TYPES } from './model/categories.ts';
export { compareTimestamps, formatTimestamp, isTimestamp } from './model/timestamp.ts';
export { parseId, typeOfId } from './model/identifier.ts';
export type { JsonObject } from './model/properties.ts';
