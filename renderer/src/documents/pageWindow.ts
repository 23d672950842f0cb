/**
 * The part of a page's text a context view shows around one occurrence. Cut in the
 * document worker, which keeps the document's text: a 20 MB text file is one "page", and
 * cloning or laying out all of it froze the window for seconds (issue 16, point 3).
 */
import type { TextPage } from '../../../core/extract/types.ts';

/**
 * Characters of page text shown on each side of the occurrence: some fifty lines, more
 * than the pane shows at once, and little enough to lay out within a frame.
 */
export const AROUND = 3_000;

export interface PageWindow {
  before: string;
  match: string;
  after: string;
  /** Characters of the page left out before `before` and after `after`. */
  cutBefore: number;
  cutAfter: number;
}

/** The range to show, widened to whole lines when a line end is near the cut. */
export function windowRange(text: string, offset: number, length: number): { from: number; to: number } {
  if (text.length <= AROUND * 2) return { from: 0, to: text.length };
  let from = Math.max(0, offset - AROUND);
  let to = Math.min(text.length, offset + length + AROUND);
  const lineStart = text.lastIndexOf('\n', from);
  if (from > 0 && lineStart !== -1 && offset - lineStart < AROUND * 1.5) from = lineStart + 1;
  const lineEnd = text.indexOf('\n', to);
  if (to < text.length && lineEnd !== -1 && lineEnd - offset < AROUND * 1.5) to = lineEnd;
  return { from, to };
}

/** The window around `offset` on page `page`, or null when the document has no such page or range. */
export function pageWindow(pages: readonly TextPage[], page: number, offset: number, length: number): PageWindow | null {
  const text = pages.find((entry) => entry.page === page)?.text;
  if (text === undefined || offset < 0 || length < 0 || offset + length > text.length) return null;
  const end = offset + length;
  const { from, to } = windowRange(text, offset, length);
  return { before: text.slice(from, offset), match: text.slice(offset, end), after: text.slice(end, to), cutBefore: from, cutAfter: text.length - to };
}
