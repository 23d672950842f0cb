/**
 * What validation reports: a list of issues, each at a JSON pointer (RFC 6901) into the
 * object or bundle, with a severity. Errors break a MUST rule of STIX 2.1; warnings break
 * a SHOULD (open vocabularies, deprecated forms, upgrades applied on import).
 */

export type Severity = 'error' | 'warning';

/**
 * Stable codes, so callers and tests can act on the kind of problem rather than on the
 * wording of the message.
 */
export type IssueRule =
  | 'not-an-object'
  | 'value-type'
  | 'required'
  | 'type-name'
  | 'id-form'
  | 'id-type-mismatch'
  | 'spec-version'
  | 'timestamp'
  | 'timestamp-precision'
  | 'created-after-modified'
  | 'ref-form'
  | 'ref-type'
  | 'range'
  | 'enum'
  | 'open-vocab'
  | 'empty-list'
  | 'property-name'
  | 'dictionary-key'
  | 'hash-format'
  | 'format'
  | 'time-order'
  | 'at-least-one'
  | 'mutually-exclusive'
  | 'dependency'
  | 'relationship-endpoint'
  | 'relationship-type'
  | 'pattern'
  | 'language-tag'
  | 'selector'
  | 'tlp-definition'
  | 'self-reference'
  | 'email-address'
  | 'deprecated'
  | 'upgraded'
  | 'repaired'
  | 'duplicate-id'
  | 'multiple-versions'
  | 'unexpected';

export interface Issue {
  /** JSON pointer to the offending value, `''` for the whole input. */
  readonly path: string;
  readonly severity: Severity;
  readonly rule: IssueRule;
  readonly message: string;
}

/** RFC 6901: `~` and `/` inside a reference token are escaped as `~0` and `~1`. */
export function pointer(base: string, token: string | number): string {
  const text = typeof token === 'number' ? String(token) : token.replaceAll('~', '~0').replaceAll('/', '~1');
  return `${base}/${text}`;
}

/** Collects issues during one validation run. */
export class IssueList {
  readonly items: Issue[] = [];

  error(path: string, rule: IssueRule, message: string): void {
    this.items.push({ path, severity: 'error', rule, message });
  }

  warn(path: string, rule: IssueRule, message: string): void {
    this.items.push({ path, severity: 'warning', rule, message });
  }
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
