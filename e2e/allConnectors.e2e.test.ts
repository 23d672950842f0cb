/**
 * Every import connector end to end through main's runtime, the durable inbox, the
 * renderer's drainer and the knowledge base in Chromium: each is configured over IPC
 * against a local server with the real fixture data, run once, and what it delivered is
 * counted by type in the knowledge base (the dashboard).
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ConnectorSummary } from '../core/ipc/channels.ts';
import { serveMalpedia } from '../main/connectors/malpedia/testing/malpediaServer.ts';
import { serveFeedFolder } from '../main/connectors/misp-feed/testing/feedServer.ts';
import { serveOtx } from '../main/connectors/otx/testing/otxServer.ts';
import { startFeedServer } from '../testkit/feedServer.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../testkit/fixtures.ts';
import { startTaxiiServer } from '../testkit/taxiiServer.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

const available =
  fixturesAvailable &&
  hasFixture('cisa-kev', 'known_exploited_vulnerabilities.json') &&
  hasFixture('mitre-attack', 'ics-attack-18.1.json.gz') &&
  hasFixture('mitre-attack', 'mobile-attack-17.1.json.gz') &&
  hasFixture('misp-feed', 'infoblox', 'manifest.json') &&
  hasFixture('otx', 'intelmq-otx-pulses-2015.json');
if (!available) console.warn(`[e2e] all-connectors test skipped: ${fixturesSkipReason}`);

type Objects = { type: string; id: string }[];

const countOf = (objects: Objects, type: string) => new Set(objects.filter((object) => object.type === type).map((object) => object.id)).size;

/** Configures a connector over IPC, runs it now, and waits until the KB acknowledged everything it emitted. */
async function runConnector(app: MagpieApp, id: string, config: Record<string, unknown>): Promise<ConnectorSummary> {
  return app.page.evaluate(
    async ({ id, config }) => {
      const bridge = window.magpie;
      if (!bridge) throw new Error('no bridge');
      const call = async (channel: string, payload?: unknown): Promise<unknown> => {
        const result = await (bridge.invoke as (channel: string, payload?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>)(channel, payload);
        if (!result.ok) throw new Error(result.error?.message ?? 'failed');
        return result.value;
      };
      await call('connector:configure', { id, config, schedule: 'P1D' });
      await call('connector:run-now', { id });
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const summary = ((await call('connector:list')) as ConnectorSummary[]).find((entry) => entry.id === id);
        if (!summary) throw new Error(`no connector ${id}`);
        if (summary.lastRun?.status === 'failed') throw new Error(`${id} failed: ${summary.lastRun.error ?? ''}`);
        if (summary.lastRun?.status === 'succeeded' && summary.lastSuccess?.runId === summary.lastRun.runId && summary.pendingBatches === 0) return summary;
      }
    },
    { id, config },
  );
}

async function dashboardCount(app: MagpieApp, type: string, orNone = false): Promise<number> {
  await app.visit('knowledge');
  await app.visit('dashboard');
  // Once the vulnerabilities are counted the dashboard has drawn every type it holds.
  if (orNone) await app.page.getByTestId('count-vulnerability').waitFor();
  const badge = app.page.getByTestId(`count-${type}`);
  if (orNone && (await badge.count()) === 0) return 0;
  await badge.waitFor();
  return Number(((await badge.textContent()) ?? '').split('·').pop()?.replace(/[^0-9]/g, '') ?? 'NaN');
}

describe.skipIf(!available)('all import connectors into the knowledge base', () => {
  it('KEV, ATT&CK, a MISP feed, OTX, TAXII and Malpedia each deliver their objects, counted by type', async () => {
    const kevText = await readFile(fixturePath('cisa-kev', 'known_exploited_vulnerabilities.json'));
    const ics = JSON.parse(gunzipSync(await readFile(fixturePath('mitre-attack', 'ics-attack-18.1.json.gz'))).toString('utf8')) as { objects: Objects };
    const mobile = JSON.parse(gunzipSync(await readFile(fixturePath('mitre-attack', 'mobile-attack-17.1.json.gz'))).toString('utf8')) as { objects: Objects };
    const pulses = JSON.parse(await readFile(fixturePath('otx', 'intelmq-otx-pulses-2015.json'), 'utf8')) as Record<string, unknown>[];
    const files = await startFeedServer({ '/kev.json': { body: kevText }, '/ics.json': { body: JSON.stringify(ics) } });
    const misp = await serveFeedFolder(fixturePath('misp-feed', 'infoblox'));
    const otx = await serveOtx('e2e-key', { pulses, pageSize: 2 });
    // TAXII serves ATT&CK Mobile: its matrices and tactics are not in ICS, so they count alone.
    const taxii = await startTaxiiServer({ objects: mobile.objects, pageSize: 500 });
    // Malpedia: the made-up library of the connector's own tests (no shared fixture needed).
    const malpedia = await serveMalpedia({ version: 8_371, apiKey: 'e2e-malpedia-key' });
    const app = await MagpieApp.open(chromium.browser, { viewport: { width: 1300, height: 1000 } });
    try {
      const kev = await runConnector(app, 'cisa-kev', { url: `${files.url}/kev.json` });
      expect(kev.lastSuccess?.counts.rejected).toBe(0);
      expect(await dashboardCount(app, 'vulnerability')).toBe(1404);

      await runConnector(app, 'mitre-attack', { enterprise: false, ics: true, icsUrl: `${files.url}/ics.json` });
      expect(await dashboardCount(app, 'x-mitre-matrix')).toBe(countOf(ics.objects, 'x-mitre-matrix'));
      expect(await dashboardCount(app, 'course-of-action')).toBe(countOf(ics.objects, 'course-of-action'));

      const reportsBefore = 0;
      await runConnector(app, 'misp-feed', { preset: 'custom', url: misp.url, importFrom: '2000-01-01' });
      expect(await dashboardCount(app, 'report')).toBe(reportsBefore + 18);

      await runConnector(app, 'otx', { apiKey: 'e2e-key', baseUrl: otx.origin, importFrom: '2015-01-01' });
      expect(await dashboardCount(app, 'report')).toBe(18 + pulses.length);

      await runConnector(app, 'taxii', { discoveryUrl: taxii.discoveryUrl });
      expect(await dashboardCount(app, 'x-mitre-matrix')).toBe(countOf(ics.objects, 'x-mitre-matrix') + countOf(mobile.objects, 'x-mitre-matrix'));
      expect(await dashboardCount(app, 'x-mitre-tactic')).toBe(new Set([...ics.objects, ...mobile.objects].filter((object) => object.type === 'x-mitre-tactic').map((object) => object.id)).size);

      const malwareBefore = await dashboardCount(app, 'malware', true);
      const intrusionSetsBefore = await dashboardCount(app, 'intrusion-set', true);
      await runConnector(app, 'malpedia', { baseUrl: malpedia.origin, apiKey: 'e2e-malpedia-key' });
      expect(await dashboardCount(app, 'malware')).toBe(malwareBefore + 3);
      expect(await dashboardCount(app, 'intrusion-set')).toBe(intrusionSetsBefore + 1);
      // Again at the same Malpedia version: only the version is asked for, nothing is added.
      const again = await runConnector(app, 'malpedia', { baseUrl: malpedia.origin, apiKey: 'e2e-malpedia-key' });
      expect(again.lastRun?.summary).toBe('Malpedia version 8371 already imported; nothing new');

      // Nothing was quarantined on the way.
      const quarantine = app.page.getByTestId('dashboard-quarantined');
      if ((await quarantine.count()) > 0) expect(await quarantine.textContent()).toBe('0');
    } finally {
      await app.close();
      await Promise.all([files.close(), misp.close(), otx.close(), taxii.close(), malpedia.close()]);
    }
  }, 300_000);
});
