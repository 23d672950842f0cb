import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';
import { loadStixSchemaOracle } from '../../testkit/stixSchemas.ts';
import { startLocalServer } from '../connectors/testing/localServer.ts';
import { createTestConnector } from '../connectors/testing/testConnector.ts';
import type { ConnectorDefinition } from '../connectors/types.ts';
import { listConnectors, runConnector, type ConnectorRunArgs } from './connector.ts';
import { UsageError, type CliIo } from './io.ts';

const testFeed: ConnectorDefinition = createTestConnector();

function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    readStdin: () => Promise.resolve(new Uint8Array()),
  };
  return io;
}

const run = (args: Partial<ConnectorRunArgs>, io: CliIo): Promise<number> => runConnector([testFeed], { id: 'test-feed', sets: [], quiet: false, ...args }, io);

describe('magpie connector', () => {
  it('lists connectors with their kind and default schedule', () => {
    const io = captureIo();
    expect(listConnectors([testFeed], io)).toBe(0);
    expect(io.out).toMatch(/^ID\s+KIND\s+NAME\s+SCHEDULE\n/);
    expect(io.out).toMatch(/test-feed\s+external-import\s+Test feed\s+PT6H/);
  });

  it('writes what a run emitted as a bundle, typing --set values, and keeps the cursor between runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'magpie-connector-cli-'));
    const out = join(dir, 'bundle.json');
    const cursorFile = join(dir, 'cursor.json');
    const io = captureIo();
    expect(await run({ sets: ['apiKey=k3y-secret', 'batches=2', 'perBatch=2'], out, cursorFile }, io)).toBe(0);
    const bundle = JSON.parse(await readFile(out, 'utf8')) as { type: string; objects: { value: string }[] };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.map((object) => object.value)).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3']);
    expect(JSON.parse(await readFile(cursorFile, 'utf8'))).toEqual({ next: 4 });
    expect(io.err).toContain('4 addresses');
    expect(io.err).not.toContain('k3y-secret');

    expect(await run({ sets: ['apiKey=k3y-secret', 'batches=1', 'perBatch=1'], out, cursorFile }, captureIo())).toBe(0);
    expect((JSON.parse(await readFile(out, 'utf8')) as { objects: { value: string }[] }).objects[0]?.value).toBe('10.0.0.4');
  });

  it('exits 1 with the reason when the run fails or the settings are wrong', async () => {
    const failing = captureIo();
    expect(await run({ sets: ['apiKey=k3y-secret', 'failAfter=0'] }, failing)).toBe(1);
    expect(failing.err).toContain('test-feed failed: Feed broke after 0 batches');
    expect(failing.out).toBe('');

    const invalid = captureIo();
    expect(await run({ sets: [] }, invalid)).toBe(1);
    expect(invalid.err).toMatch(/API key/);

    await expect(run({ sets: ['batches=many'] }, captureIo())).rejects.toBeInstanceOf(UsageError);
    await expect(run({ sets: ['colour=blue'] }, captureIo())).rejects.toThrow(/no setting "colour"/);
    await expect(run({ id: 'nope' }, captureIo())).rejects.toThrow(/unknown connector/);
  });

  it.skipIf(!fixturesAvailable || !hasFixture('cisa-kev', 'known_exploited_vulnerabilities.json'))(
    `runs the CISA KEV connector from the command line against a local copy of the catalog${fixturesAvailable ? '' : ` (${fixturesSkipReason})`}`,
    async () => {
      const server = await startLocalServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        createReadStream(fixturePath('cisa-kev', 'known_exploited_vulnerabilities.json')).pipe(response);
      });
      try {
        const dir = await mkdtemp(join(tmpdir(), 'magpie-connector-cli-'));
        const out = join(dir, 'kev.json');
        const entry = resolve(import.meta.dirname, 'magpie.ts');
        // Spawned without blocking: the local server lives in this process.
        const result = await spawnAsync(process.execPath, [entry, 'connector', 'run', 'cisa-kev', '--set', `url=${server.url('/kev.json')}`, '--out', out, '--quiet']);
        expect(result.status, result.stderr).toBe(0);
        const bundle = JSON.parse(await readFile(out, 'utf8')) as { objects: { type: string }[] };
        expect(bundle.objects.filter((object) => object.type === 'vulnerability').length).toBeGreaterThan(1000);
        expect(loadStixSchemaOracle().bundleProblems(bundle)).toEqual([]);
      } finally {
        await server.close();
      }
    },
    60_000,
  );

  it('prints its usage, and lists the real connectors', async () => {
    const entry = resolve(import.meta.dirname, 'magpie.ts');
    const help = await spawnAsync(process.execPath, [entry, 'connector', 'run', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: magpie connector run <id>');
    const list = await spawnAsync(process.execPath, [entry, 'connector', 'list']);
    expect(list.status).toBe(0);
    for (const id of ['cisa-kev', 'mitre-attack', 'misp-feed', 'otx', 'taxii']) expect(list.stdout).toContain(id);
    const missing = await spawnAsync(process.execPath, [entry, 'connector', 'run']);
    expect(missing.status).toBe(2);
  }, 60_000);
});

function spawnAsync(command: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(command, args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
