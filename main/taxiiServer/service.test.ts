import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTaxiiServeService } from './service.ts';
import { createMemorySource } from './testing/memorySource.ts';

const headers = (token: string) => ({ authorization: `Bearer ${token}`, accept: 'application/taxii+json;version=2.1' });
const object = { type: 'malware', spec_version: '2.1', id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: 'Shared', is_family: true };

describe('the TAXII server in Settings', () => {
  it('is off until turned on, serves a published collection to a named client, and stops answering a revoked token', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'magpie-taxii-serve-'));
    const service = createTaxiiServeService({ userData, source: createMemorySource([{ object, dateAdded: '2026-01-02T00:00:00.000Z' }]), warn: () => undefined });
    await service.start();
    expect((await service.view()).discoveryUrl).toBeNull();

    let view = await service.saveCollection({ title: 'Team feed', description: '', view: { kind: 'all' }, maxTlp: 'amber', writable: false });
    const collection = view.collections[0]?.id ?? '';
    const { token, view: withClient } = await service.addClient('Alice\'s OpenCTI', { [collection]: 'read' });
    // The token is shown once; the profile keeps only its hash.
    expect(readFileSync(join(userData, 'taxii-server.json'), 'utf8')).not.toContain(token);
    view = await service.configure({ enabled: true, port: 0 });
    expect(view.discoveryUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/taxii2\/$/);
    const apiRoot = (view.discoveryUrl ?? '').replace('/taxii2/', '/magpie/');
    const objects = await fetch(`${apiRoot}collections/${collection}/objects/`, { headers: headers(token) });
    expect(objects.status).toBe(200);
    expect(((await objects.json()) as { objects: { id: string }[] }).objects.map((entry) => entry.id)).toEqual([object.id]);
    expect((await service.log()).join('\n')).toMatch(/Alice's OpenCTI GET \/magpie\/collections\/.*\/objects\/ 200 1 objects/);

    view = await service.setClient(withClient.clients[0]?.id ?? '', { revoke: true });
    const apiRootAfter = (view.discoveryUrl ?? '').replace('/taxii2/', '/magpie/');
    expect((await fetch(`${apiRootAfter}collections/`, { headers: headers(token) })).status).toBe(401);
    await service.stop();
  });

  it('refuses to listen beyond loopback without TLS, and says why', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'magpie-taxii-serve-'));
    const service = createTaxiiServeService({ userData, source: createMemorySource(), warn: () => undefined });
    await expect(service.configure({ enabled: true, host: '0.0.0.0' })).rejects.toThrow(/TLS certificate and key/);
    expect((await service.view()).enabled).toBe(false);
  });

  it('serves over TLS with a certificate it makes, whose fingerprint Settings shows', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'magpie-taxii-serve-'));
    const service = createTaxiiServeService({ userData, source: createMemorySource(), warn: () => undefined });
    const { collections } = await service.saveCollection({ title: 'All', description: '', view: { kind: 'all' }, maxTlp: 'clear', writable: false });
    const { token } = await service.addClient('Bob', { [collections[0]?.id ?? '']: 'read' });
    await service.generateCertificate('127.0.0.1');
    const view = await service.configure({ enabled: true, port: 0 });
    expect(view.discoveryUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/taxii2\/$/);
    expect(view.tlsFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(statSync(join(userData, 'taxii-tls', 'key.pem')).mode & 0o777).toBe(0o600);
    // A client that pins the certificate Settings shows gets in.
    const ca = readFileSync(join(userData, 'taxii-tls', 'cert.pem'));
    const status = await new Promise<number>((resolve, reject) => {
      https.get(view.discoveryUrl ?? '', { ca, headers: headers(token) }, (response) => resolve(response.statusCode ?? 0)).on('error', reject);
    });
    expect(status).toBe(200);
    await service.stop();
  });

  it('refuses a body over the cap from its declared length, before reading it', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'magpie-taxii-serve-'));
    const source = createMemorySource();
    const service = createTaxiiServeService({ userData, source, warn: () => undefined });
    const { collections } = await service.saveCollection({ title: 'Inbox', description: '', view: { kind: 'inbox' }, maxTlp: 'red', writable: true });
    const id = collections[0]?.id ?? '';
    const { token } = await service.addClient('Carol', { [id]: 'read-write' });
    const view = await service.configure({ enabled: true, port: 0, maxContentLength: 4096 });
    const url = new URL(`collections/${id}/objects/`, (view.discoveryUrl ?? '').replace('/taxii2/', '/magpie/'));
    // Declares 1 GB and sends a few bytes: the answer comes without the rest ever being sent.
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(url, { method: 'POST', headers: { ...headers(token), 'content-type': 'application/taxii+json;version=2.1', 'content-length': String(1024 ** 3) } }, (response) => resolve(response.statusCode ?? 0));
      request.on('error', reject);
      request.write('{"objects":[');
    });
    expect(status).toBe(413);
    expect(source.added).toEqual([]);
    await service.stop();
  });
});
