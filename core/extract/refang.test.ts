/**
 * The defang search tests a start condition before its eleven forms (issue 16, speed);
 * it must find exactly what the forms alone find, or a defanged indicator would be missed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityMapped } from './mappedText.ts';
import { FORM_ALTERNATIVES, refang, refangMapped } from './refang.ts';

const PIECES = ['[.]', '(.)', '{.}', '[dot]', '(DOT)', ' [ . ] ', '  [.', '[[.]]', '.]', '\\.', '[:]', '[://]', '(://)', '[/]', '[/a', '[@]', ' (at) ', '{AT}', 'hxxp', 'hXXps', 'h**p', 'fxp', 'hxxp[:]//', 'hxxps://', '[', ']', '(', ')', '\\', 'example', 'com', ' ', '   ', '\n', '.', ':', '/', 'a1'];

/** Where the forms alone match, read without the start condition. */
function formsAlone(text: string): [number, string][] {
  const pattern = new RegExp(FORM_ALTERNATIVES, 'g');
  const found: [number, string][] = [];
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push([match.index, match[0]]);
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return found;
}

describe('refang', () => {
  it('rewrites exactly the forms a search without the start condition finds', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const mapped = refangMapped(identityMapped(text));
        const rewritten = formsAlone(text);
        // Each form becomes one marked run: as many runs as forms, none where no form is.
        let runs = 0;
        for (let i = 0; i < mapped.text.length; i++) if (mapped.defanged[i] === 1 && (i === 0 || mapped.defanged[i - 1] !== 1 || mapped.origin[i] !== mapped.origin[i - 1])) runs++;
        expect(runs).toBe(rewritten.length);
        expect(rewritten.map(([index]) => index)).toEqual([...new Set(Array.from(mapped.defanged.keys()).filter((i) => mapped.defanged[i] === 1).map((i) => mapped.origin[i]))]);
      }),
      { seed: 16, numRuns: 3000 },
    );
  });

  it('refangs the forms analysts write', () => {
    expect(refang('hxxps[:]//evil[.]example (.) com / user[@]mail[.]example')).toBe('https://evil.example.com / user@mail.example');
  });
});
