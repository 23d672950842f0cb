/**
 * Windows registry keys. Key names may hold spaces (`Windows NT`), so a segment with
 * spaces is accepted only when another `\` follows it; the last segment ends at the
 * first space. `<HKCU>\…` and `<USER SID>` placeholders are read as written.
 */
import type { MappedText } from '../mappedText.ts';
import { eachMatch, type Candidate } from './candidate.ts';

const ROOT = /(?<![A-Za-z0-9_])<?(HKEY_LOCAL_MACHINE|HKEY_CURRENT_USER|HKEY_CLASSES_ROOT|HKEY_USERS|HKEY_CURRENT_CONFIG|HKEY_PERFORMANCE_DATA|HKLM|HKCU|HKCR|HKU|HKCC)>?(?=\\)/g;
/** A segment: a `<placeholder>` or text without separators, quotes or brackets. */
const SEGMENT = /\\(<[^<>\\\n]{1,64}>|(?:(?!\s+<?HK(?:EY_[A-Z_]+|[A-Z]{1,2})>?\\)[^\\\n\t"“”'<>|]){1,255})/y;
const TRAILING = /[\s.,;:)\]}。、」）』]+$/;

/**
 * Japanese is written without spaces: `…\\RunOnceに登録する`. A Latin key name ends where
 * Japanese starts; a Japanese one (`\\テスト`) ends at the first particle (hiragana) or
 * Japanese punctuation.
 */
function gluedTextCut(segment: string): string {
  const cut = /^[\x21-\x7E]/.test(segment) ? segment.search(/[^\t-\x7E]/) : segment.search(/[\u3000-\u309F\uFF01-\uFF0F]/);
  return cut === -1 ? segment : segment.slice(0, cut);
}

export function scanRegistryKeys(mapped: MappedText): Candidate[] {
  const text = mapped.text;
  const found: Candidate[] = [];
  eachMatch(ROOT, text, (match) => {
    const root = match[1] ?? '';
    let position = match.index + match[0].length;
    let key = root;
    for (;;) {
      SEGMENT.lastIndex = position;
      const segment = SEGMENT.exec(text);
      if (segment === null) break;
      const body = segment[1] ?? '';
      const next = position + segment[0].length;
      if (text.charAt(next) === '\\') {
        key += `\\${body}`;
        position = next;
        continue;
      }
      // The last segment: a key name without spaces, minus sentence punctuation.
      const last = gluedTextCut(body.split(/\s/)[0] ?? '').replace(TRAILING, '');
      if (last !== '') {
        key += `\\${last}`;
        position += 1 + last.length;
      }
      break;
    }
    if (key === root) return;
    found.push({ type: 'windows-registry-key', value: key, start: match.index, end: position });
    ROOT.lastIndex = Math.max(ROOT.lastIndex, position);
  });
  return found;
}
