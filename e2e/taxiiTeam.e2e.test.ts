/**
 * A team of two on one machine (issue 18, point 2): analyst A publishes a report from her
 * knowledge base as a TAXII collection (up to TLP:AMBER) for a named client; analyst B's
 * TAXII connector pulls it. B then holds exactly what A published — the report, what it
 * holds and what that needs, less the TLP:RED indicator and the relationship naming it — and
 * after A's knowledge changes one object, B's next pull brings only that object's new version.
 */
import { describe, expect, it } from 'vitest';
import { ids, sampleObjects } from '../renderer/src/kb/testing/sampleObjects.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { writeJson } from './support/testFiles.ts';
import { useChromium } from './support/useChromium.ts';

async function lastSuccessAfter(app: MagpieApp, previous: string | null): Promise<{ runId: string; counts: { created: number; updated: number } }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const summary = await app.harness.services.connectors.summary('taxii');
    if (summary.lastRun?.status === 'failed') throw new Error(`B's TAXII run failed: ${summary.lastRun.error ?? summary.lastRun.summary}`);
    if (summary.lastSuccess && summary.lastSuccess.runId !== previous && summary.pendingBatches === 0) return summary.lastSuccess;
    if (Date.now() > deadline) throw new Error(`B's TAXII run was not delivered in 60 s: ${JSON.stringify(summary.lastRun)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function storedIds(app: MagpieApp): Promise<string[]> {
  const { bundle } = await app.harness.services.kb.request('export', {});
  return (JSON.parse(bundle) as { objects: { id: string }[] }).objects.map((object) => object.id).sort();
}

describe('a team of two over TAXII 2.1', () => {
  const chromium = useChromium();

  it('B pulls exactly what A published, then only the version A changed', async () => {
    const a = await MagpieApp.open(chromium.browser);
    const b = await MagpieApp.open(chromium.browser);
    try {
      await a.importDropped(await writeJson(chromium.folder, 'a.json', { type: 'bundle', id: 'bundle--1b0f8c3e-7d6a-4e2b-9c1d-0a2b3c4d5e6f', objects: sampleObjects() }));
      const serve = a.harness.services.taxiiServe;
      const { collections } = await serve.saveCollection({ title: 'PlugX report', description: 'For the team', view: { kind: 'report', id: ids.report }, maxTlp: 'amber', writable: false });
      const collection = collections[0]?.id ?? '';
      const { token } = await serve.addClient('Analyst B', { [collection]: 'read' });
      const { discoveryUrl } = await serve.configure({ enabled: true, port: 0 });
      expect(discoveryUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/taxii2\/$/);

      await b.harness.services.connectors.configure('taxii', { discoveryUrl, token, collections: [collection], pageSize: 2 }, 'P1D');
      await b.harness.services.connectors.runNow('taxii');
      const first = await lastSuccessAfter(b, null);

      const published = await a.harness.services.kb.request('taxiiSnapshot', { collectionId: collection, view: { kind: 'report', id: ids.report }, maxTlp: 'amber' });
      const publishedIds = published.entries.map((entry) => String(entry.object['id'])).sort();
      expect(publishedIds).toEqual(expect.arrayContaining([ids.report, ids.malware, ids.ip, ids.identity]));
      expect(publishedIds).not.toContain(ids.indicator);
      expect(publishedIds).not.toContain(ids.indicates);
      expect(publishedIds).not.toContain(ids.attackPattern);
      expect(await storedIds(b)).toEqual(publishedIds);
      expect(first.counts.created).toBe(publishedIds.length);
      expect((await b.harness.services.connectors.summary('taxii')).lastRun?.objects).toBe(publishedIds.length);

      // A learns more about the malware: a new version, as an import or an edit would write it.
      const malware = sampleObjects().find((object) => object['id'] === ids.malware) ?? {};
      const changed = { ...malware, modified: '2026-12-01T00:00:00.000Z', description: 'Seen again in December.' };
      await a.harness.services.kb.request('import', { name: 'update.json', text: JSON.stringify({ type: 'bundle', id: 'bundle--2c1f8c3e-7d6a-4e2b-9c1d-0a2b3c4d5e6f', objects: [changed] }) });

      await b.harness.services.connectors.runNow('taxii');
      const second = await lastSuccessAfter(b, first.runId);
      // Only the new version crossed: one object in the run, not the collection again.
      expect((await b.harness.services.connectors.summary('taxii')).lastRun?.objects).toBe(1);
      expect(second.counts).toMatchObject({ created: 0, updated: 1 });
      const got = await b.harness.services.kb.request('get', { id: ids.malware });
      expect(got.object).toMatchObject({ modified: '2026-12-01T00:00:00.000Z', description: 'Seen again in December.' });
      expect(await storedIds(b)).toEqual(publishedIds);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
