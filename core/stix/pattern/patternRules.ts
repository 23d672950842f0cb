/**
 * The STIX pattern rules (STIX 2.1 §9) that the grammar alone does not say, as the OASIS
 * pattern validator enforces them, each failing with a message that says what to write:
 *
 * - one qualifier of each type on an observation expression (§9.5: WITHIN, REPEATS and
 *   START/STOP each at most once before the expression is parenthesised again);
 * - START strictly before STOP (§9.5, "START t1 STOP t2": t2 MUST be later than t1);
 * - a hash constant compared with `hashes.<algorithm>` has that algorithm's form (§9.4
 *   with §2.6: an MD5 is 32 hexadecimal digits, a SHA-256 64, …);
 * - keywords upper case and booleans lower case, as STIXPattern.g4 writes them.
 */
import { compareTimestamps } from '../model/timestamp.ts';
import { hashFormatLoosely } from '../model/hashFormats.ts';
import type { Literal, ObjectPath, Operator, Qualifier } from './ast.ts';
import { PatternSyntaxError, type Token } from './lexer.ts';

const QUALIFIER_WORDS: Readonly<Record<Qualifier['kind'], string>> = { within: 'WITHIN', repeats: 'REPEATS', 'start-stop': 'START … STOP' };

/** The qualifier types already applied to one observation expression. */
export class QualifierSet {
  private readonly seen = new Set<Qualifier['kind']>();

  add(qualifier: Qualifier, offset: number): void {
    if (this.seen.has(qualifier.kind)) {
      const word = QUALIFIER_WORDS[qualifier.kind];
      throw new PatternSyntaxError(`${word} is already applied to this observation: keep one ${word}, or put the qualified observation in parentheses before qualifying it again`, offset);
    }
    this.seen.add(qualifier.kind);
  }
}

export function checkStartStop(start: string, stop: string, offset: number): void {
  if (compareTimestamps(start, stop) >= 0) {
    throw new PatternSyntaxError(`STOP t'${stop}' must be later than START t'${start}': swap them or correct the dates`, offset);
  }
}

/**
 * The algorithm a path compares, when it ends in `hashes.<algorithm>` (an object's own
 * hashes or those of an extension, a section, an alternate data stream…).
 */
function hashAlgorithmOf(path: ObjectPath): string | undefined {
  const steps = path.steps;
  const last = steps.at(-1);
  const before = steps.at(-2);
  if (last?.kind !== 'property' || before?.kind !== 'property' || before.name !== 'hashes') return undefined;
  return last.name;
}

const EQUALITY: ReadonlySet<Operator> = new Set(['=', '!=', 'IN']);

/** Hash constants compared for (in)equality must be digests of the named algorithm. */
export function checkHashConstants(path: ObjectPath, operator: Operator, values: readonly { readonly value: Literal; readonly offset: number }[]): void {
  if (!EQUALITY.has(operator)) return;
  const algorithm = hashAlgorithmOf(path);
  const format = algorithm === undefined ? undefined : hashFormatLoosely(algorithm);
  if (format === undefined) return;
  for (const { value, offset } of values) {
    if (value.kind === 'string' && !format.pattern.test(value.value)) {
      throw new PatternSyntaxError(`'${value.value}' is not a valid ${format.name} hash: write ${format.shape}`, offset);
    }
  }
}

const KEYWORDS: ReadonlySet<string> = new Set([
  'AND', 'OR', 'NOT', 'FOLLOWEDBY', 'LIKE', 'MATCHES', 'ISSUPERSET', 'ISSUBSET', 'EXISTS', 'IN', 'START', 'STOP', 'SECONDS', 'WITHIN', 'REPEATS', 'TIMES',
]);

/** Advice when the unexpected token is a keyword or boolean in the wrong case. */
export function keywordHint(token: Token): string {
  if (token.kind !== 'ident') return '';
  const upper = token.text.toUpperCase();
  if (KEYWORDS.has(upper) && token.text !== upper) return ` (keywords are upper case: write ${upper})`;
  const lower = token.text.toLowerCase();
  if ((lower === 'true' || lower === 'false') && token.text !== lower) return ` (booleans are lower case: write ${lower})`;
  return '';
}
