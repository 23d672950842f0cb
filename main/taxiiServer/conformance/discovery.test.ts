/**
 * TAXII 2.1 conformance, server information: §1.6.8 content negotiation, §3.1 endpoint rules,
 * §4.1 discovery, §4.2 the API root, §4.3 an unknown status, §1.6.9 authentication.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformanceTarget, type ConformanceTarget } from '../testing/conformanceTarget.ts';
import { ApiRoot, Discovery, expectFailure, expectResource } from './resources.ts';
import { challenged, taxii, TAXII_21 } from './taxiiClient.ts';

let target: ConformanceTarget;
beforeAll(async () => {
  target = await startConformanceTarget();
});
afterAll(async () => {
  await target.close();
});

describe('§4.1 Server Discovery', () => {
  it('§4.1/§4.1.1: GET /taxii2/ answers 200, Content-Type application/taxii+json;version=2.1, a discovery resource advertising the API root', async () => {
    const discovery = expectResource(await taxii(target, target.discoveryPath, { token: target.tokens.reader }), 200, Discovery);
    const roots = (discovery.api_roots ?? []).map((root) => new URL(root, new URL(target.discoveryPath, target.origin)).href);
    expect(roots).toContain(new URL(target.apiRootPath, target.origin).href);
    // §4.1.1 default: "The default API Root MUST be an item in api_roots."
    if (discovery.default !== undefined) expect(discovery.api_roots).toContain(discovery.default);
  });

  it('§4.1.1 api_roots: relative URLs begin with one "/" (never "//" or "../"), absolute ones are full URLs, none has a query', async () => {
    const { api_roots: roots = [] } = expectResource(await taxii(target, target.discoveryPath, { token: target.tokens.reader }), 200, Discovery);
    expect(roots.length).toBeGreaterThan(0);
    for (const root of roots) {
      if (root.startsWith('/')) {
        expect(root.startsWith('//'), root).toBe(false);
      } else {
        // The spec asks for HTTPS; Magpie serves plain HTTP only on loopback (issue 18), so an
        // absolute URL must at least name the scheme the server is really reached by.
        expect(['https:', new URL(target.origin).protocol]).toContain(new URL(root).protocol);
      }
      expect(root.startsWith('../'), root).toBe(false);
      expect(root.includes('?'), root).toBe(false);
    }
  });

  it('§1.6.9/§4.1: without credentials, or with a token the server never issued, 401 with a WWW-Authenticate challenge (RFC 7235 §3.1)', async () => {
    const anonymous = await taxii(target, target.discoveryPath);
    expectFailure(anonymous, [401]);
    expect(challenged(anonymous)).toBe(true);
    const unknown = await taxii(target, target.discoveryPath, { token: 'not-a-token-this-server-issued' });
    expectFailure(unknown, [401]);
    expect(challenged(unknown)).toBe(true);
  });

  it('§3.1/§4.1: an Accept without any TAXII media type answers 406 (Not Acceptable) with the TAXII Content-Type', async () => {
    expectFailure(await taxii(target, target.discoveryPath, { token: target.tokens.reader, accept: 'application/xml' }), [406]);
    expectFailure(await taxii(target, target.discoveryPath, { token: target.tokens.reader, accept: 'text/html' }), [406]);
  });

  it('§3.1: "Requests with media types in the Accept headers that are defined for that Endpoint MUST NOT result in an HTTP 406", with or without the version parameter', async () => {
    // §1.6.8.2: application/taxii+json means "the latest version the server supports", and §3.1
    // says answers SHOULD be that highest version: 2.1 here.
    expectResource(await taxii(target, target.discoveryPath, { token: target.tokens.reader, accept: 'application/taxii+json' }), 200, Discovery);
    expectResource(await taxii(target, target.discoveryPath, { token: target.tokens.reader, accept: `application/json, ${TAXII_21}` }), 200, Discovery);
    expectResource(await taxii(target, target.discoveryPath, { token: target.tokens.reader, accept: 'application/taxii+json; version=2.1' }), 200, Discovery);
  });
});

describe('§4.2 Get API Root Information', () => {
  it('§4.2/§4.2.1: 200 with an api-root resource whose versions include "application/taxii+json;version=2.1" and a positive max_content_length', async () => {
    const root = expectResource(await taxii(target, target.apiRootPath, { token: target.tokens.reader }), 200, ApiRoot);
    expect(root.versions).toContain(TAXII_21);
    expect(root.max_content_length).toBeGreaterThan(0);
  });

  it('§4.2: without credentials 401 (the client needs to authenticate) or 404; a wrong Accept 406', async () => {
    expectFailure(await taxii(target, target.apiRootPath), [401, 404]);
    expectFailure(await taxii(target, target.apiRootPath, { token: target.tokens.reader, accept: 'application/xml' }), [406]);
  });

  it('§4.2: an API root that does not exist answers 404', async () => {
    expectFailure(await taxii(target, '/no-such-api-root/', { token: target.tokens.reader }), [404]);
    expectFailure(await taxii(target, `${target.apiRootPath}no-such-endpoint/`, { token: target.tokens.reader }), [404]);
  });
});

describe('§4.3 Get Status', () => {
  it('§4.3: a status id the server does not hold answers 404 ("MUST return an HTTP status of 404")', async () => {
    expectFailure(await taxii(target, `${target.apiRootPath}status/2d086da7-4bdc-4f91-900e-d77486753710/`, { token: target.tokens.writer }), [404]);
  });
});
