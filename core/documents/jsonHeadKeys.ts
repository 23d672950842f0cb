/**
 * The property names of a JSON document's first record, read from its first bytes only (a
 * file may be far larger than the sniffed head, so JSON.parse is not an option). MISP
 * writes one event in four shapes — `{"Event": …}`, the bare event, `{"response": [ … ]}`
 * and a list — and PyMISP and misp-stix put the keys in any order, so the format is told
 * by which keys the record has, not by the first bytes matching one spelling.
 */

export interface HeadKeys {
  /** Keys of the top-level object (empty when the document is a list). */
  readonly top: ReadonlySet<string>;
  /** Keys of the first object in the top-level list, or in the top object's "response" list. */
  readonly first: ReadonlySet<string>;
}

interface Frame {
  readonly kind: '{' | '[';
  /** Where this container's keys go, when they are wanted. */
  readonly keys?: Set<string>;
  /** Objects: the key whose value is being read. */
  key?: string;
  expectKey: boolean;
  /** Lists: whether an element has begun, so the next object is not the first. */
  started: boolean;
}

/** Reads a JSON string token starting at `start` (the opening quote); returns its text and the index after it. */
function readString(text: string, start: number): { value: string; end: number } {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') {
      value += text.slice(i, i + 2);
      i += 1;
    } else if (char === '"') return { value, end: i + 1 };
    else value += char ?? '';
  }
  return { value, end: text.length };
}

export function jsonHeadKeys(head: string): HeadKeys {
  const top = new Set<string>();
  const first = new Set<string>();
  const stack: Frame[] = [];
  for (let i = 0; i < head.length; i++) {
    const char = head[i] ?? '';
    const frame = stack.at(-1);
    if (/\s|,|:/.test(char)) {
      if (char === ',' && frame?.kind === '{') frame.expectKey = true;
      continue;
    }
    const listed = frame?.kind === '[' ? frame : undefined;
    const firstInList = listed !== undefined && !listed.started;
    if (listed !== undefined) listed.started = true;
    if (char === '"') {
      const { value, end } = readString(head, i);
      if (frame?.kind === '{' && frame.expectKey) {
        frame.key = value;
        frame.expectKey = false;
        frame.keys?.add(value);
      }
      i = end - 1;
    } else if (char === '{' || char === '[') {
      const keys = char !== '{' ? undefined : stack.length === 0 ? top : firstInList && isRecordList(stack) ? first : undefined;
      stack.push({ kind: char, ...(keys === undefined ? {} : { keys }), expectKey: char === '{', started: false });
    } else if (char === '}' || char === ']') {
      const closed = stack.pop();
      // The first record has been read whole: nothing after it changes the answer.
      if (stack.length === 0 || closed?.keys === first) break;
    }
  }
  return { top, first };
}

/** Whether the list on top of the stack holds the records: the top-level list, or the top object's "response". */
function isRecordList(stack: readonly Frame[]): boolean {
  const [outer] = stack;
  if (stack.length === 1) return outer?.kind === '[';
  return stack.length === 2 && outer?.kind === '{' && outer.key === 'response';
}
