/**
 * No freeze (issue 16, point 3): a generated 20 MB text file and a generated 500-page PDF
 * each go through read → review (the last value's context opened, deep in the document;
 * a tick undone and redone; a whole type cleared and refilled; "new only" on and off) →
 * commit, with a PerformanceObserver recording the UI thread's long tasks. None may last
 * 100 ms or more: reading, mining and the document's text stay in the document worker,
 * and the review draws only the rows in view.
 */
import { describe, expect, it } from 'vitest';
import { reviewBigDocument, writeBigPdf, writeBigText } from './support/bigDocuments.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

describe('a large document keeps the window responsive', () => {
  for (const [name, write] of [['a 20 MB text file', writeBigText], ['a 500-page PDF', writeBigPdf]] as const) {
    it(`${name} is read, reviewed and committed with no UI task of 100 ms or more`, { timeout: 180_000 }, async () => {
      const path = await write(chromium.folder);
      const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1400, height: 1000 } });
      try {
        const review = await reviewBigDocument(app, path);
        // The review is complete and its context is the real one, not an empty shell.
        expect(review.values).toBeGreaterThan(400);
        expect(review.highlighted.toLowerCase()).toBe(review.deepValue);
        expect(review.tasks.filter((ms) => ms >= 100), `long tasks: ${review.tasks.join(', ')} ms`).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});
