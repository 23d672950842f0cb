/**
 * Issue 20, checked with MISP's own code (testkit/mispPeer.ts): for every report PDF of the
 * shared fixtures, `magpie extract --format stix` → misp-stix (what MISP makes of the bundle)
 * and `magpie convert --to misp` → PyMISP (does MISP load the event, with uuids). The export
 * must carry the values misp-stix derives, registry keys included, with the same uuids twice.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';
import { checkEvent, mispPeerAvailable, stixToMisp } from '../../testkit/mispPeer.ts';
import { toMispEvent } from '../../core/exports/index.ts';
import type { JsonObject } from '../../core/stix/index.ts';
import { runCli } from './run.ts';

const reportsAvailable = fixturesAvailable && hasFixture('reports');
const peer = reportsAvailable && await mispPeerAvailable();
const pdfs = reportsAvailable ? readdirSync(fixturePath('reports')).filter((name) => name.endsWith('.pdf')).sort() : [];
const dir = mkdtempSync(join(tmpdir(), 'magpie-misp-peer-'));

async function magpie(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), readStdin: () => Promise.resolve(new Uint8Array()) }, '0.1.0');
  return { code, stdout, stderr };
}

interface Attr { type: string; value: string; uuid?: string }
interface Obj { name: string; uuid?: string; Attribute?: Attr[] }
interface Ev { uuid?: string; Attribute?: Attr[]; Object?: Obj[] }

function eventOf(json: Record<string, unknown>): Ev {
  const inner = json['Event'];
  return (typeof inner === 'object' && inner !== null ? inner : json);
}

/** The observable values of an event (types MISP correlates on), attributes of objects included. */
const SKIP = new Set(['vulnerability', 'text', 'comment', 'datetime', 'size-in-bytes', 'port', 'yara', 'sigma', 'snort']);
function values(event: Ev): string[] {
  const all = [...(event.Attribute ?? []), ...(event.Object ?? []).flatMap((object) => object.Attribute ?? [])];
  return [...new Set(all.filter((attribute) => !SKIP.has(attribute.type)).map((attribute) => `${attribute.type === 'email-src' ? 'email' : attribute.type} ${attribute.value}`))].sort();
}

function uuids(event: Ev): string[] {
  return [event.uuid ?? '', ...(event.Attribute ?? []).map((a) => a.uuid ?? ''), ...(event.Object ?? []).flatMap((o) => [o.uuid ?? '', ...(o.Attribute ?? []).map((a) => a.uuid ?? '')])];
}

describe.skipIf(!peer).concurrent(`MISP's own code on Magpie's exports of every report PDF (issue 20)${peer ? '' : ` — skipped: ${reportsAvailable ? 'the MISP peer cannot run here (see the warning above)' : fixturesSkipReason}`}`, () => {
  // Two at a time: misp-stix and PyMISP are Python processes of their own, so the two cores overlap.
  it.concurrent.for(pdfs)('%s: misp-stix reads the bundle, PyMISP loads the MISP event with uuids, the same values, stable uuids', { timeout: 120_000 }, async (pdf, { expect }) => {
    const extracted = await magpie(['extract', '--format', 'stix', fixturePath('reports', pdf)]);
    expect(extracted.code, extracted.stderr).toBe(0);
    const bundlePath = join(dir, `${pdf}.json`);
    writeFileSync(bundlePath, extracted.stdout);

    const mispStix = await stixToMisp(extracted.stdout);
    if (mispStix.knownLimits.length > 0) console.info(`[misp-stix] ${pdf}: documented limits: ${mispStix.knownLimits.join(' | ')}`);
    expect(mispStix.errors).toEqual([]);

    const first = await magpie(['convert', bundlePath, '--to', 'misp']);
    expect(first.code, first.stderr).toBe(0);
    const check = await checkEvent(first.stdout);
    expect(check).toMatchObject({ invalid: [], without_uuid: 0 });

    const again = await magpie(['convert', bundlePath, '--to', 'misp']);
    const [a, b] = [eventOf(JSON.parse(first.stdout) as Record<string, unknown>), eventOf(JSON.parse(again.stdout) as Record<string, unknown>)];
    expect(uuids(b)).toEqual(uuids(a));
    expect(new Set(uuids(a)).size).toBe(uuids(a).length);

    // The mapping itself on the whole bundle: `convert` may leave warninglisted values out (issue 21).
    const bundle = JSON.parse(extracted.stdout) as { objects: JsonObject[] };
    const theirs = values(eventOf(mispStix.event));
    const ours = values(toMispEvent(bundle.objects).event.Event);
    expect(ours).toEqual(theirs);
    expect(values(a).filter((value) => !theirs.includes(value))).toEqual([]);
    // With nothing left out, the CLI's event carries exactly misp-stix's values.
    const all = await magpie(['convert', bundlePath, '--to', 'misp', '--include-all']);
    expect(values(eventOf(JSON.parse(all.stdout) as Record<string, unknown>))).toEqual(theirs);
    const keys = ours.filter((value) => value.startsWith('regkey '));
    expect(keys.length).toBe(bundle.objects.filter((object) => object.type === 'windows-registry-key').length);
  });
});
