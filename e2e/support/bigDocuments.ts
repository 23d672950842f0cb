/**
 * The large documents of issue 16, point 3 ("no freeze"): a generated 20 MB text file and
 * a generated 500-page PDF, each dense with distinct indicators, and a PerformanceObserver
 * that records the UI thread's long tasks. Shared by e2e/noFreeze.e2e.test.ts and
 * `npm run bench:no-freeze`, so the test and the bench measure the same documents.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { MagpieApp } from './magpieApp.ts';
import { testPdf } from '../../main/documents/testPdf.ts';
import { seededRandom } from '../../testkit/seededRandom.ts';

const WORDS = ['the', 'actor', 'used', 'a', 'loader', 'to', 'reach', 'its', 'server', 'and', 'then', 'moved', 'laterally', 'with', 'stolen', 'credentials', 'before', 'staging', 'data'];

/** Prose lines with an indicator every `every` lines: addresses, domains and hashes, all distinct. */
function generatedLines(seed: number, lines: number, every: number): string[] {
  const random = seededRandom(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const hex = (length: number): string => Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
  const out: string[] = [];
  for (let line = 0; line < lines; line++) {
    const words = Array.from({ length: 12 }, () => pick(WORDS)).join(' ');
    if (line % every !== 0) {
      out.push(`${words}.`);
      continue;
    }
    const n = line / every;
    const value = n % 3 === 0 ? `45.${(n >> 16) & 255}.${(n >> 8) & 255}.${(n & 255) || 1}` : n % 3 === 1 ? `c2-${hex(8)}.example-evil${n % 7}.net` : hex(64);
    out.push(`${words} ${value} ${words}.`);
  }
  return out;
}

/** A 20 MB text file: 200,000 lines with a value every 400, padded with digit-free repeats. */
export async function writeBigText(folder: string): Promise<string> {
  const lines = generatedLines(16, 200_000, 400);
  let text = lines.join('\n');
  while (text.length < 20 * 1024 * 1024) text += `\n${lines.slice(0, 20_000).join('\n').replace(/\d/g, 'x')}`;
  const path = join(folder, 'big-report.txt');
  await writeFile(path, text);
  return path;
}

export const BIG_PDF_PAGES = 500;

/** A 500-page PDF of 40 lines a page with a value every 25 lines. */
export async function writeBigPdf(folder: string): Promise<string> {
  const lines = generatedLines(17, BIG_PDF_PAGES * 40, 25);
  const pages = Array.from({ length: BIG_PDF_PAGES }, (_, page) => lines.slice(page * 40, page * 40 + 40).join('\n'));
  const path = join(folder, 'five-hundred-pages.pdf');
  await writeFile(path, testPdf(pages, { title: 'Five hundred pages' }));
  return path;
}

/** Starts recording every long task (50 ms or more) of the page's UI thread. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const long: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = long;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) long.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
}

/** The durations (ms) of the long tasks recorded since `watchLongTasks`. */
export function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}

export interface BigReview {
  /** Long tasks (ms) of the UI thread from the drop to the committed review. */
  tasks: number[];
  /** Values listed in the review. */
  values: number;
  /** The value whose context was opened: the list's last, deepest in the document. */
  deepValue: string;
  /** What the context view highlighted for it. */
  highlighted: string;
  /** Seconds from the drop until the review showed (read and mined in the document worker). */
  readSeconds: number;
  seconds: number;
}

const selectedCount = async (app: MagpieApp): Promise<string> => (await app.page.getByTestId('selected-count').textContent()) ?? '';

/**
 * What an analyst does with a large document, timed with long tasks recorded throughout:
 * drop it, wait for the review and the knowledge base's known/new marks, scroll the list to
 * its end and open the last value's context (deep in the document), untick and tick it,
 * clear and refill a whole type, filter to new values and back, commit, and wait for the
 * review to mark its values known.
 */
export async function reviewBigDocument(app: MagpieApp, path: string): Promise<BigReview> {
  const { page } = app;
  await app.visit('import');
  await watchLongTasks(page);
  const started = Date.now();
  await app.dropFile(path);
  await app.waitForReview(120_000);
  const readSeconds = (Date.now() - started) / 1000;
  const rows = page.getByTestId('indicator-row');
  await page.waitForFunction(() => document.querySelector('[data-testid="indicator-row"]')?.getAttribute('data-known') === 'false', null, { timeout: 60_000 });
  const values = Number(/of ([\d,]+)/.exec(await selectedCount(app))?.[1]?.replace(/,/g, '') ?? 0);

  // The last value of the list, deep in the document.
  await page.getByTestId('indicator-list').evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
  // Type and value read together, once the list has settled at its end: rows are redrawn as it scrolls.
  const settled = await page.waitForFunction(() => {
    const list = document.querySelector('[data-testid="indicator-list"]');
    const all = list?.querySelectorAll('[data-testid="indicator-row"]');
    const lastRow = all?.[all.length - 1];
    // The list's last row drawn, at the list's bottom edge: the end of the list, not rows still drawn for the top.
    if (!list || !lastRow || Math.abs(lastRow.getBoundingClientRect().bottom - list.getBoundingClientRect().bottom) > 2) return null;
    return { type: lastRow.getAttribute('data-type') ?? '', value: lastRow.getAttribute('data-value') ?? '' };
  });
  const { type: deepType, value: deepValue } = (await settled.jsonValue()) ?? { type: '', value: '' };
  const deepRow = app.indicatorRow(deepType, deepValue);
  await deepRow.getByRole('button').first().click();
  const highlighted = (await page.getByTestId('highlight').textContent({ timeout: 30_000 })) ?? '';

  // Untick and tick it; clear and refill its whole type.
  const before = await selectedCount(app);
  await deepRow.getByRole('checkbox').uncheck();
  await page.waitForFunction((text) => document.querySelector('[data-testid="selected-count"]')?.textContent !== text, before);
  await deepRow.getByRole('checkbox').check();
  await page.waitForFunction((text) => document.querySelector('[data-testid="selected-count"]')?.textContent === text, before);
  await page.getByTestId('indicator-list').evaluate((list) => list.scrollTo({ top: 0 }));
  const typeBox = page.getByTestId('select-type').first();
  await typeBox.click();
  await page.waitForFunction((text) => document.querySelector('[data-testid="selected-count"]')?.textContent !== text, before);
  await typeBox.click();
  await page.waitForFunction((text) => document.querySelector('[data-testid="selected-count"]')?.textContent === text, before);

  // New only (every value is new here, so all stay) and back.
  const newOnly = page.getByRole('switch', { name: 'New only' });
  await newOnly.check();
  await rows.first().waitFor();
  await newOnly.uncheck();

  await page.getByTestId('commit-extraction').click();
  await page.getByTestId('commit-result').waitFor({ timeout: 60_000 });
  // The committed values are now known: wait for the review to say so.
  await page.waitForFunction(() => document.querySelector('[data-testid="indicator-row"]')?.getAttribute('data-known') === 'true', null, { timeout: 60_000 });
  return { tasks: await longTasks(page), values, deepValue, highlighted, readSeconds, seconds: (Date.now() - started) / 1000 };
}
