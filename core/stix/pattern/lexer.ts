/**
 * Tokens of the STIX patterning grammar (STIX 2.1 §9.2 and the normative ANTLR grammar
 * STIXPattern.g4 of oasis-open/cti-stix2-json-schemas). Keywords are case-sensitive
 * there (`AND`, `WITHIN`, `true`): words are tokens here and the parser matches them
 * exactly. Block and line comments are skipped, as the grammar skips them.
 */

export type TokenKind =
  | 'ident' | 'string' | 'int' | 'float' | 'binary' | 'hex' | 'timestamp'
  | '[' | ']' | '(' | ')' | ',' | ':' | '.' | '*'
  | '=' | '!=' | '<' | '<=' | '>' | '>='
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Source text for identifiers and numbers; the decoded value for quoted literals. */
  readonly text: string;
  readonly offset: number;
}

export class PatternSyntaxError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(`${message} (at offset ${offset})`);
    this.name = 'PatternSyntaxError';
    this.offset = offset;
  }
}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /[+-]?(?:\d*\.\d+|\d+)/y;
const PUNCT: readonly TokenKind[] = ['<=', '>=', '!=', '[', ']', '(', ')', ',', ':', '.', '*', '=', '<', '>'];

/** A quoted literal's body: only \' and \\ are escapes (the grammar allows no others). */
function readQuoted(source: string, start: number): { value: string; end: number } {
  let value = '';
  let at = start + 1;
  while (at < source.length) {
    const char = source.charAt(at);
    if (char === "'") return { value, end: at + 1 };
    if (char === '\\') {
      const next = source.charAt(at + 1);
      if (next !== "'" && next !== '\\') throw new PatternSyntaxError("Only \\' and \\\\ may be escaped in a string", at);
      value += next === "'" ? "'" : '\\';
      at += 2;
    } else {
      value += char;
      at += 1;
    }
  }
  throw new PatternSyntaxError('Unterminated string literal', start);
}

const PREFIXED: Readonly<Record<string, TokenKind>> = { b: 'binary', h: 'hex', t: 'timestamp' };

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] ?? '';
    if (/\s/.test(char)) {
      at += 1;
      continue;
    }
    if (source.startsWith('/*', at)) {
      const end = source.indexOf('*/', at + 2);
      if (end < 0) throw new PatternSyntaxError('Unterminated comment: close it with */', at);
      at = end + 2;
      continue;
    }
    if (source.startsWith('//', at)) {
      const end = source.slice(at).search(/[\r\n]/);
      at = end < 0 ? source.length : at + end;
      continue;
    }
    const prefixed = PREFIXED[char];
    if (prefixed !== undefined && source[at + 1] === "'") {
      const { value, end } = readQuoted(source, at + 1);
      tokens.push({ kind: prefixed, text: value, offset: at });
      at = end;
      continue;
    }
    if (char === "'") {
      const { value, end } = readQuoted(source, at);
      tokens.push({ kind: 'string', text: value, offset: at });
      at = end;
      continue;
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(source);
    // A sign only starts a number; `-` alone is not a token of the grammar.
    if (number !== null && /[\d.+-]/.test(char) && !(char === '.' && !/\d/.test(source[at + 1] ?? ''))) {
      const isInt = !number[0].includes('.');
      // IntPosLiteral / IntNegLiteral: '0' or a digit 1–9 first, so no leading zeros.
      if (isInt && /^[+-]?0\d/.test(number[0])) throw new PatternSyntaxError(`Write the integer ${number[0]} without leading zeros (${number[0].replace(/^([+-]?)0+(?=\d)/, '$1')})`, at);
      tokens.push({ kind: isInt ? 'int' : 'float', text: number[0], offset: at });
      at += number[0].length;
      continue;
    }
    IDENT.lastIndex = at;
    const ident = IDENT.exec(source);
    if (ident !== null) {
      tokens.push({ kind: 'ident', text: ident[0], offset: at });
      at += ident[0].length;
      continue;
    }
    if (source.startsWith('==', at) || source.startsWith('<>', at)) {
      tokens.push({ kind: source[at] === '=' ? '=' : '!=', text: source.slice(at, at + 2), offset: at });
      at += 2;
      continue;
    }
    const punct = PUNCT.find((p) => source.startsWith(p, at));
    if (punct === undefined) throw new PatternSyntaxError(`Unexpected character ${JSON.stringify(char)}`, at);
    tokens.push({ kind: punct, text: punct, offset: at });
    at += punct.length;
  }
  tokens.push({ kind: 'eof', text: '', offset: source.length });
  return tokens;
}
