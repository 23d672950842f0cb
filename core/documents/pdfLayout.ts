/**
 * One PDF page's text from pdf.js `getTextContent()` items, laid out the way a reader sees
 * it: one line of text per line of the page, a space where items stand apart, none where
 * pdf.js split one word into several items (kerning, font changes), and the columns of a
 * two-column body read one after the other instead of interleaved line by line.
 *
 * Line ends matter: the extraction engine re-joins indicators that the layout wrapped
 * (`icloud-` / `iphonesecurity[.]com`), so a wrapped line must end in `\n` and a gap must
 * stay a space. Everything is computed in the page's viewport space (y grows downwards,
 * rotation and crop box applied), so rotated pages read the same as upright ones.
 */

/** The fields of a pdf.js TextItem this needs. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: the text matrix in PDF user space. */
  transform: readonly number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** The page's viewport at scale 1: `transform` maps user space to viewport space. */
export interface PdfViewport {
  width: number;
  height: number;
  transform: readonly number[];
}

/** A run of items on one baseline with no wide gap inside. */
interface Fragment {
  x0: number;
  x1: number;
  /** Baseline in viewport space. */
  y: number;
  size: number;
  text: string;
}

/** Below this gap (in ems) two items are one word; pdf.js splits words at kerning and font changes. */
const WORD_GAP_EM = 0.18;
/** Above this gap (in ems) two items on one baseline are separate cells or columns. */
const FRAGMENT_GAP_EM = 1.5;
/** A vertical gap this many times the page's usual line spacing starts a new paragraph (a blank line). */
const PARAGRAPH_GAP = 1.5;
/** At least this many interleaved rows before a page is read as two columns. */
const MIN_COLUMN_LINES = 4;

function multiply(m: readonly number[], n: readonly number[]): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const [g = 1, h = 0, i = 0, j = 1, k = 0, l = 0] = n;
  return [a * g + c * h, b * g + d * h, a * i + c * j, b * i + d * j, a * k + c * l + e, b * k + d * l + f];
}

interface Placed {
  str: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  spaceBefore: boolean;
}

/** Items placed in viewport space; whitespace-only items become a space before the next one. */
function place(items: readonly PdfTextItem[], viewport: PdfViewport): Placed[] {
  const placed: Placed[] = [];
  let pendingSpace = false;
  for (const item of items) {
    if (item.str.trim() === '') {
      if (item.str.length > 0 || item.hasEOL) pendingSpace = true;
      continue;
    }
    const m = multiply(viewport.transform, item.transform);
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
    // The item's width is in user space along its own direction; scale it like the font.
    const scale = Math.hypot(viewport.transform[0] ?? 1, viewport.transform[1] ?? 0) || 1;
    const width = item.width * scale;
    const horizontal = Math.abs(b) <= Math.abs(a) * 0.1;
    const x0 = horizontal && a < 0 ? e - width : e;
    placed.push({ str: item.str, x0, x1: x0 + (horizontal ? width : size), y: f, size, spaceBefore: pendingSpace });
    pendingSpace = false;
  }
  return placed;
}

function sameBaseline(a: { y: number; size: number }, b: { y: number; size: number }): boolean {
  // The larger size: a smaller, raised footnote mark still belongs to its line.
  return Math.abs(a.y - b.y) <= Math.max(a.size, b.size) * 0.45;
}

/** Items in content order → fragments; a new fragment at a new baseline, a backwards jump or a wide gap. */
function fragmentsOf(placed: readonly Placed[]): Fragment[] {
  const fragments: Fragment[] = [];
  let current: Fragment | null = null;
  for (const item of placed) {
    const gap = current ? item.x0 - current.x1 : 0;
    const em = current ? Math.max(current.size, item.size) : item.size;
    if (current && sameBaseline(current, item) && gap > -em * 0.5 && gap < em * FRAGMENT_GAP_EM) {
      // A footnote mark is smaller and raised: keep it apart from the word (a URL) it follows.
      const superscript = item.size < current.size * 0.8 && item.y < current.y - current.size * 0.15;
      const space = item.spaceBefore || superscript || gap > em * WORD_GAP_EM;
      const joined = space && !current.text.endsWith(' ') && !item.str.startsWith(' ') ? ' ' : '';
      current.text += joined + item.str;
      current.x1 = Math.max(current.x1, item.x1);
      current.size = Math.max(current.size, item.size);
      continue;
    }
    current = { x0: item.x0, x1: item.x1, y: item.y, size: item.size, text: item.str };
    fragments.push(current);
  }
  return fragments;
}

/** Consecutive fragments on one baseline, in content order. */
type Row = Fragment[];

function rowsOf(fragments: readonly Fragment[]): Row[] {
  const rows: Row[] = [];
  for (const fragment of fragments) {
    const row = rows[rows.length - 1];
    const last = row?.[row.length - 1];
    if (row && last && sameBaseline(last, fragment) && fragment.x0 >= last.x1 - last.size) row.push(fragment);
    else rows.push([fragment]);
  }
  return rows;
}

/**
 * Where a two-column body is written row by row (left line, right line, next left line…),
 * the gutter shows as the same wide gap near the middle of many rows whose two halves are
 * both prose-wide. Tables rarely have two cells that wide, so they stay row by row.
 */
function findGutter(rows: readonly Row[], pageWidth: number): number | undefined {
  const splits: number[] = [];
  for (const row of rows) {
    const [left, right] = row;
    if (row.length !== 2 || !left || !right) continue;
    const middle = (left.x1 + right.x0) / 2;
    const wide = pageWidth * 0.28;
    if (middle > pageWidth * 0.35 && middle < pageWidth * 0.65 && left.x1 - left.x0 >= wide && right.x1 - right.x0 >= wide) splits.push(middle);
  }
  if (splits.length < MIN_COLUMN_LINES) return undefined;
  splits.sort((a, b) => a - b);
  return splits[Math.floor(splits.length / 2)];
}

function crosses(row: Row, gutter: number): boolean {
  return row.some((f) => f.x0 < gutter && f.x1 > gutter);
}

/**
 * Rows in content order, which is reading order in most reports (pdftotext -raw relies on
 * it too); only a run of rows that interleaves two columns is re-read left column first.
 */
function orderedRows(rows: readonly Row[], pageWidth: number): Row[] {
  const gutter = findGutter(rows, pageWidth);
  if (gutter === undefined) return [...rows];
  const ordered: Row[] = [];
  let band: Row[] = [];
  const flush = (): void => {
    const split = band.map((row) => [row.filter((f) => f.x1 <= gutter), row.filter((f) => f.x0 >= gutter)] as const);
    ordered.push(...split.map(([left]) => left).filter((row) => row.length > 0), ...split.map(([, right]) => right).filter((row) => row.length > 0));
    band = [];
  };
  for (const row of rows) {
    if (crosses(row, gutter)) {
      flush();
      ordered.push(row);
    } else band.push(row);
  }
  flush();
  return ordered;
}

/** Rows → lines; a blank line where the gap to the previous row is clearly wider than the usual line spacing. */
function linesOf(rows: readonly Row[]): string[] {
  const gaps = rows.slice(1).map((row, i) => (row[0]?.y ?? 0) - (rows[i]?.[0]?.y ?? 0)).filter((gap) => gap > 0).sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const lines: string[] = [];
  let previous: Fragment | undefined;
  for (const row of rows) {
    const head = row[0];
    if (!head) continue;
    const gap = previous ? head.y - previous.y : 0;
    if (previous && gap > usual * PARAGRAPH_GAP && gap > Math.max(head.size, previous.size) * 1.5) lines.push('');
    lines.push(row.map((f) => f.text.trim()).join(' '));
    previous = head;
  }
  return lines;
}

/** The page's text: lines joined with `\n`, a blank line between paragraphs, no trailing blank lines. */
export function assemblePageText(items: readonly PdfTextItem[], viewport: PdfViewport): string {
  const fragments = fragmentsOf(place(items, viewport));
  if (fragments.length === 0) return '';
  return linesOf(orderedRows(rowsOf(fragments), viewport.width)).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
