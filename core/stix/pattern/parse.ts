/**
 * A recursive-descent parser for STIX patterns (STIX 2.1 §9).
 *
 * Hand-written on purpose: the npm registry has no maintained STIX patterning parser (the
 * maintained ones are Python: oasis-open/cti-pattern-validator and stix2-patterns), and
 * running the normative ANTLR grammar would pull the ANTLR runtime and generated code into
 * core/ for a grammar of a few dozen rules. The rules below follow STIXPattern.g4 one to
 * one; precedence, lowest first: FOLLOWEDBY, OR, AND (observations); OR, AND (comparisons).
 */
import { parseTimestamp } from '../model/timestamp.ts';
import type { ComparisonExpression, Literal, ObjectPath, ObservationExpression, Operator, PathStep, Qualifier } from './ast.ts';
import { PatternSyntaxError, tokenize, type Token, type TokenKind } from './lexer.ts';
import { checkHashConstants, checkStartStop, keywordHint, QualifierSet } from './patternRules.ts';

export type PatternResult =
  | { readonly ok: true; readonly pattern: ObservationExpression }
  | { readonly ok: false; readonly error: { readonly message: string; readonly offset: number } };

/** Parses a STIX pattern; never throws. */
export function parsePattern(source: string): PatternResult {
  try {
    const parser = new Parser(tokenize(source));
    const pattern = parser.observationExpressions();
    parser.expect('eof', 'end of pattern');
    return { ok: true, pattern };
  } catch (error: unknown) {
    if (error instanceof PatternSyntaxError) return { ok: false, error: { message: error.message, offset: error.offset } };
    if (error instanceof RangeError) return { ok: false, error: { message: 'Pattern is nested too deeply', offset: 0 } };
    throw error;
  }
}

/** §9.2 timestamp literals are STIX timestamps: RFC 3339, UTC, a real date. */
const TIMESTAMP_ADVICE = "Invalid timestamp literal: write t'YYYY-MM-DDThh:mm:ssZ' with a real date and time in UTC, e.g. t'2016-06-01T00:00:00Z'";

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['=', '!=', '<', '<=', '>', '>=']);
const WORD_OPERATORS: ReadonlySet<string> = new Set(['IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET']);

class Parser {
  private readonly tokens: readonly Token[];
  private at = 0;

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  private get current(): Token {
    return this.tokens[this.at] ?? { kind: 'eof', text: '', offset: 0 };
  }

  private fail(expected: string): never {
    const token = this.current;
    const found = token.kind === 'eof' ? 'the end' : JSON.stringify(token.text);
    throw new PatternSyntaxError(`Expected ${expected} but found ${found}${keywordHint(token)}`, token.offset);
  }

  expect(kind: TokenKind, what: string): Token {
    const token = this.current;
    if (token.kind !== kind) this.fail(what);
    this.at += 1;
    return token;
  }

  /** Keywords are case-sensitive in STIXPattern.g4: `AND`, never `and`. */
  private isKeyword(word: string): boolean {
    return this.current.kind === 'ident' && this.current.text === word;
  }

  private acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.at += 1;
    return true;
  }

  private expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) this.fail(word);
  }

  observationExpressions(): ObservationExpression {
    return this.binary('FOLLOWEDBY', 'followedby', () => this.binary('OR', 'or', () => this.binary('AND', 'and', () => this.qualifiedObservation())));
  }

  private binary<T, K extends 'and' | 'or' | 'followedby'>(word: string, kind: K, operand: () => T): T | { kind: K; operands: T[] } {
    const operands = [operand()];
    while (this.acceptKeyword(word)) operands.push(operand());
    return operands.length === 1 && operands[0] !== undefined ? operands[0] : { kind, operands };
  }

  /**
   * Qualifiers on a bracketed observation may not repeat a type (`[…] WITHIN 5 SECONDS
   * WITHIN 6 SECONDS`); a parenthesised group is a new expression that may be qualified again.
   */
  private qualifiedObservation(): ObservationExpression {
    const simple = this.current.kind === '[';
    let expression = this.observation();
    const seen = new QualifierSet();
    for (let offset = this.current.offset, qualifier = this.qualifier(); qualifier !== undefined; offset = this.current.offset, qualifier = this.qualifier()) {
      if (simple) seen.add(qualifier, offset);
      expression = { kind: 'qualified', expression, qualifier };
    }
    return expression;
  }

  private observation(): ObservationExpression {
    if (this.current.kind === '[') {
      this.at += 1;
      const expression = this.comparisonExpression();
      this.expect(']', "']'");
      return { kind: 'observation', expression };
    }
    if (this.current.kind === '(') {
      this.at += 1;
      const expression = this.observationExpressions();
      this.expect(')', "')'");
      return expression;
    }
    return this.fail("'[' or '('");
  }

  private qualifier(): Qualifier | undefined {
    if (this.acceptKeyword('WITHIN')) {
      const token = this.current;
      if ((token.kind !== 'int' && token.kind !== 'float') || Number(token.text) <= 0) this.fail('a positive number of seconds');
      this.at += 1;
      this.expectKeyword('SECONDS');
      return { kind: 'within', seconds: Number(token.text) };
    }
    if (this.acceptKeyword('REPEATS')) {
      const token = this.current;
      if (token.kind !== 'int' || Number(token.text) <= 0) this.fail('a positive whole number');
      this.at += 1;
      this.expectKeyword('TIMES');
      return { kind: 'repeats', times: Number(token.text) };
    }
    if (this.acceptKeyword('START')) {
      const start = this.timestampLiteral();
      this.expectKeyword('STOP');
      const offset = this.current.offset;
      const stop = this.timestampLiteral();
      checkStartStop(start, stop, offset);
      return { kind: 'start-stop', start, stop };
    }
    return undefined;
  }

  private timestampLiteral(): string {
    const token = this.expect('timestamp', "a timestamp t'…'");
    if (parseTimestamp(token.text) === undefined) throw new PatternSyntaxError(TIMESTAMP_ADVICE, token.offset);
    return token.text;
  }

  private comparisonExpression(): ComparisonExpression {
    return this.binary('OR', 'or', () => this.binary('AND', 'and', () => this.propTest()));
  }

  private propTest(): ComparisonExpression {
    if (this.current.kind === '(') {
      this.at += 1;
      const expression = this.comparisonExpression();
      this.expect(')', "')'");
      return expression;
    }
    if (this.isKeyword('NOT') && this.tokens[this.at + 1]?.kind === 'ident' && this.tokens[this.at + 1]?.text === 'EXISTS') {
      this.at += 2;
      return { kind: 'exists', path: this.objectPath(), negated: true };
    }
    if (this.acceptKeyword('EXISTS')) return { kind: 'exists', path: this.objectPath(), negated: false };
    const path = this.objectPath();
    const negated = this.acceptKeyword('NOT');
    const token = this.current;
    if (COMPARISON_OPERATORS.has(token.kind)) {
      this.at += 1;
      const operator = token.kind as Operator;
      const valueToken = this.current;
      const value = this.literal();
      if (value.kind === 'bool' && operator !== '=' && operator !== '!=') throw new PatternSyntaxError('Booleans can only be compared with = or !=', token.offset);
      checkHashConstants(path, operator, [{ value, offset: valueToken.offset }]);
      return { kind: 'comparison', path, operator, negated, value };
    }
    const word = token.kind === 'ident' ? token.text : '';
    if (!WORD_OPERATORS.has(word)) this.fail('a comparison operator');
    this.at += 1;
    if (word === 'IN') {
      const values = this.setLiteral();
      checkHashConstants(path, 'IN', values);
      return { kind: 'comparison', path, operator: 'IN', negated, value: values.map((entry) => entry.value) };
    }
    const value = this.expect('string', 'a string literal');
    return { kind: 'comparison', path, operator: word as Operator, negated, value: { kind: 'string', value: value.text } };
  }

  /** The values of `IN (…)`, each with where it starts, for messages about one of them. */
  private setLiteral(): { value: Literal; offset: number }[] {
    this.expect('(', "'('");
    const values: { value: Literal; offset: number }[] = [];
    const next = () => values.push({ offset: this.current.offset, value: this.literal() });
    if (this.current.kind !== ')') {
      next();
      while (this.current.kind === ',') {
        this.at += 1;
        next();
      }
    }
    this.expect(')', "')'");
    return values;
  }

  private literal(): Literal {
    const token = this.current;
    this.at += 1;
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.text };
      case 'int':
        return { kind: 'int', value: Number(token.text) };
      case 'float':
        return { kind: 'float', value: Number(token.text) };
      case 'binary':
        if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(token.text)) throw new PatternSyntaxError('Invalid base64 literal', token.offset);
        return { kind: 'binary', value: token.text };
      case 'hex':
        if (!/^(?:[0-9a-fA-F]{2})*$/.test(token.text)) throw new PatternSyntaxError('Invalid hex literal', token.offset);
        return { kind: 'hex', value: token.text };
      case 'timestamp':
        if (parseTimestamp(token.text) === undefined) throw new PatternSyntaxError(TIMESTAMP_ADVICE, token.offset);
        return { kind: 'timestamp', value: token.text };
      case 'ident':
        if (token.text === 'true' || token.text === 'false') return { kind: 'bool', value: token.text === 'true' };
        break;
      default:
        break;
    }
    this.at -= 1;
    return this.fail('a literal');
  }

  /** objectType ':' firstComponent ( '.' component | '[' index ']' )* */
  private objectPath(): ObjectPath {
    const typeToken = this.expect('ident', 'an object type');
    const objectType = typeToken.text;
    // `exists file:name`: the word read as a type is a keyword in the wrong case.
    if (this.current.kind !== ':' && keywordHint(typeToken) !== '') {
      throw new PatternSyntaxError(`Expected an object path but found ${JSON.stringify(objectType)}${keywordHint(typeToken)}`, typeToken.offset);
    }
    this.expect(':', "':'");
    const steps: PathStep[] = [this.propertyStep()];
    for (;;) {
      if (this.current.kind === '.') {
        this.at += 1;
        steps.push(this.propertyStep());
      } else if (this.current.kind === '[') {
        this.at += 1;
        const token = this.current;
        if (token.kind === '*') steps.push({ kind: 'index', index: '*' });
        else if (token.kind === 'int') steps.push({ kind: 'index', index: Number(token.text) });
        else this.fail("an index or '*'");
        this.at += 1;
        this.expect(']', "']'");
      } else {
        return { objectType, steps };
      }
    }
  }

  /** Property names with a hyphen must be quoted: `hashes.'SHA-256'`. */
  private propertyStep(): PathStep {
    const token = this.current;
    if (token.kind === 'string') {
      this.at += 1;
      return { kind: 'property', name: token.text };
    }
    if (token.kind === 'ident' && !token.text.includes('-')) {
      this.at += 1;
      return { kind: 'property', name: token.text };
    }
    return this.fail('a property name (quote names that contain a hyphen)');
  }
}
