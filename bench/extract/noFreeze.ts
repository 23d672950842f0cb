/**
 * `npm run bench:no-freeze` (issue 16, point 3): a generated 20 MB text file and a
 * generated 500-page PDF are read, reviewed (a value's context opened deep in the
 * document) and committed in Chromium, while a PerformanceObserver in the page records
 * every long task of the UI thread. Prints them as JSON; the goal is none of 100 ms or
 * more. Software rendering, no GPU; the figures depend on the machine's load.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../e2e/harness/chromium.ts';
import { MagpieApp } from '../../e2e/support/magpieApp.ts';
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

async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const long: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = long;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) long.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
}

const longTasks = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

async function until(check: () => Promise<boolean>, timeout: number): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeout) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function reviewAndCommit(app: MagpieApp, path: string): Promise<{ tasks: number[]; rows: number; seconds: number }> {
  await app.visit('import');
  await watchLongTasks(app.page);
  const started = Date.now();
  await app.dropFile(path);
  await app.waitForReview(240_000);
  const rows = app.page.getByTestId('indicator-row');
  await until(async () => (await rows.count()) > 10, 60_000);
  const count = await rows.count();
  await rows.nth(Math.floor(count / 2)).getByRole('button').first().click();
  await app.page.getByTestId('highlight').waitFor();
  await rows.nth(count - 1).getByRole('button').first().click();
  await app.page.getByTestId('highlight').waitFor();
  await app.page.getByTestId('commit-extraction').click();
  await app.page.getByTestId('commit-result').waitFor({ timeout: 240_000 });
  return { tasks: await longTasks(app.page), rows: count, seconds: (Date.now() - started) / 1000 };
}

const folder = await mkdtemp(join(tmpdir(), 'magpie-no-freeze-'));
const browser = await launchChromium();
try {
  const lines = generatedLines(16, 200_000, 400);
  let text = lines.join('\n');
  while (text.length < 20 * 1024 * 1024) text += `\n${lines.slice(0, 20_000).join('\n').replace(/\d/g, 'x')}`;
  const textPath = join(folder, 'big-report.txt');
  await writeFile(textPath, text);
  const pdfLines = generatedLines(17, 500 * 40, 25);
  const pages = Array.from({ length: 500 }, (_, page) => pdfLines.slice(page * 40, page * 40 + 40).join('\n'));
  const pdfPath = join(folder, 'five-hundred-pages.pdf');
  await writeFile(pdfPath, testPdf(pages, { title: 'Five hundred pages' }));
  for (const [name, path] of [['text_20mb', textPath], ['pdf_500_pages', pdfPath]] as const) {
    const app = await MagpieApp.open(browser, { viewport: { width: 1400, height: 1000 } });
    try {
      const { tasks, rows, seconds } = await reviewAndCommit(app, path);
      console.info(JSON.stringify({ figure: `review.${name}.long_tasks_ms`, over_100ms: tasks.filter((ms) => ms >= 100), all: tasks, rows, seconds, goal: 'no UI task of 100 ms or more', gpu: 'none (software rendering)' }));
    } finally {
      await app.close();
    }
  }
} finally {
  await browser.close();
}
