/**
 * TAXII 2.1 conformance, §2 "timestamp": "MUST be a valid RFC 3339-formatted timestamp using the
 * format YYYY-MM-DDTHH:MM:SS.ssssssZ ... Unlike the STIX timestamp type, the TAXII timestamp MUST
 * have microsecond precision", in UTC with "Z". TAXII timestamps are the §3.2 date headers and the
 * §5.3.1 manifest date_added (a status's request_timestamp is checked in post.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformanceTarget, type ConformanceTarget } from '../testing/conformanceTarget.ts';
import { versionedId } from './expected.ts';
import { expectResource, Manifest } from './resources.ts';
import { collectionPath, taxii, TAXII_TIMESTAMP } from './taxiiClient.ts';

let target: ConformanceTarget;
beforeAll(async () => {
  target = await startConformanceTarget();
});
afterAll(async () => {
  await target.close();
});

describe('§2 timestamp: microsecond precision', () => {
  const endpoints = (): [string, string][] => [
    ['§5.3 manifest', collectionPath(target, target.collections.readable, 'manifest/')],
    ['§5.4 objects', collectionPath(target, target.collections.readable, 'objects/')],
    ['§5.6 an object', collectionPath(target, target.collections.readable, `objects/${versionedId(target)}/`)],
    ['§5.8 versions', collectionPath(target, target.collections.readable, `objects/${versionedId(target)}/versions/`)],
  ];

  it('§3.2: "The value of this header MUST be a timestamp" — X-TAXII-Date-Added-First/-Last as YYYY-MM-DDTHH:MM:SS.ssssssZ on each endpoint that sends them', async () => {
    for (const [name, path] of endpoints()) {
      const answer = await taxii(target, path, { token: target.tokens.reader });
      expect(answer.status, name).toBe(200);
      expect(answer.headers.get('x-taxii-date-added-first'), `${name}: X-TAXII-Date-Added-First`).toMatch(TAXII_TIMESTAMP);
      expect(answer.headers.get('x-taxii-date-added-last'), `${name}: X-TAXII-Date-Added-Last`).toMatch(TAXII_TIMESTAMP);
    }
  });

  it('§5.3.1: a manifest-record date_added is a timestamp with microseconds', async () => {
    const manifest = expectResource(await taxii(target, collectionPath(target, target.collections.readable, 'manifest/'), { token: target.tokens.reader }), 200, Manifest);
    expect(manifest.objects?.length).toBeGreaterThan(0);
    for (const record of manifest.objects ?? []) expect(record.date_added, record.id).toMatch(TAXII_TIMESTAMP);
  });

  it('§3.4 added_after takes a TAXII timestamp: microseconds are understood, not refused as malformed', async () => {
    const answer = await taxii(target, collectionPath(target, target.collections.readable, 'objects/'), { token: target.tokens.reader, query: [['added_after', '2026-01-10T09:15:00.123456Z']] });
    expect(answer.status).toBe(200);
  });
});
