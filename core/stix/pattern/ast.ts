/**
 * The syntax tree of a STIX pattern (STIX 2.1 §9, "STIX Patterning").
 */

export type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'binary'; readonly value: string }
  | { readonly kind: 'hex'; readonly value: string }
  | { readonly kind: 'timestamp'; readonly value: string };

export type PathStep = { readonly kind: 'property'; readonly name: string } | { readonly kind: 'index'; readonly index: number | '*' };

/** `file:hashes.'SHA-256'` is `{ objectType: 'file', steps: [hashes, SHA-256] }`. */
export interface ObjectPath {
  readonly objectType: string;
  readonly steps: readonly PathStep[];
}

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'IN' | 'LIKE' | 'MATCHES' | 'ISSUBSET' | 'ISSUPERSET';

export type ComparisonExpression =
  | { readonly kind: 'comparison'; readonly path: ObjectPath; readonly operator: Operator; readonly negated: boolean; readonly value: Literal | readonly Literal[] }
  | { readonly kind: 'exists'; readonly path: ObjectPath; readonly negated: boolean }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly ComparisonExpression[] };

export type Qualifier =
  | { readonly kind: 'within'; readonly seconds: number }
  | { readonly kind: 'repeats'; readonly times: number }
  | { readonly kind: 'start-stop'; readonly start: string; readonly stop: string };

export type ObservationExpression =
  | { readonly kind: 'observation'; readonly expression: ComparisonExpression }
  | { readonly kind: 'and' | 'or' | 'followedby'; readonly operands: readonly ObservationExpression[] }
  | { readonly kind: 'qualified'; readonly expression: ObservationExpression; readonly qualifier: Qualifier };
