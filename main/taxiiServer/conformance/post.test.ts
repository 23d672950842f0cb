/**
 * TAXII 2.1 conformance, §5.5 Add Objects, what is accepted and what is refused: 202 with a §4.3.1
 * status resource, 401/403/404 by right (§5.5), 406/415 by media type (§3.1), 413 over the API
 * root's max_content_length (§4.2.1), 422 for a body that is no envelope.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformanceTarget, type ConformanceTarget } from '../testing/conformanceTarget.ts';
import { envelopeOf, indicator, malware, post } from './posting.ts';
import { ApiRoot, expectFailure, expectResource, Status } from './resources.ts';
import { collectionPath, taxii, TAXII_21 } from './taxiiClient.ts';

/** A small cap so "over the cap" is a small body. */
const CAP = 4096;

let target: ConformanceTarget;
beforeAll(async () => {
  target = await startConformanceTarget({ maxContentLength: CAP });
});
afterAll(async () => {
  await target.close();
});

describe('§5.5 Add Objects: accepted', () => {
  it('§5.5/§4.3.1: 202 (Accepted), Content-Type application/taxii+json;version=2.1, a status resource counting the envelope\'s objects', async () => {
    const status = expectResource(await post(target, target.collections.writable, envelopeOf([indicator(), malware()])), 202, Status);
    expect(status.total_count).toBe(2);
    expect(status.success_count + status.failure_count + status.pending_count).toBe(status.total_count);
  });

  it('§3.1: Content-Type application/taxii+json without the version parameter is a type defined for the endpoint, so "MUST NOT result in an HTTP 415"', async () => {
    expectResource(await post(target, target.collections.writable, envelopeOf([indicator()]), { contentType: 'application/taxii+json' }), 202, Status);
  });
});

describe('§5.5 Add Objects: refused by right', () => {
  it('§5.5: "If the Collection specifies can_write as false for a particular client, this Endpoint MUST return an HTTP 403 (Forbidden) or HTTP 404"', async () => {
    const body = envelopeOf([indicator()]);
    expectFailure(await post(target, target.collections.writable, body, { token: target.tokens.reader }), [403, 404]);
    expectFailure(await post(target, target.collections.readable, body, { token: target.tokens.writer }), [403, 404]);
    expectFailure(await post(target, target.collections.hidden, body, { token: target.tokens.writer }), [403, 404]);
    expectFailure(await post(target, target.collections.writable, body, { token: target.tokens.stranger }), [403, 404]);
  });

  it('§5.5: "If a client fails authentication then this endpoint MUST return either an HTTP 401 (Unauthorized) or an HTTP 404"', async () => {
    const answer = await taxii(target, collectionPath(target, target.collections.writable, 'objects/'), { method: 'POST', body: envelopeOf([indicator()]) });
    expectFailure(answer, [401, 404]);
  });

  it('§5.5: what a refused client sent was not added', async () => {
    const refused = indicator('Refused');
    await post(target, target.collections.writable, envelopeOf([refused]), { token: target.tokens.reader });
    const held = await taxii(target, collectionPath(target, target.collections.writable, `objects/${String(refused.id)}/`), { token: target.tokens.writer });
    expectFailure(held, [404]);
  });
});

describe('§5.5 Add Objects: refused by media type', () => {
  it('§5.5: "415 - The client attempted to POST a payload with a content type the server does not support"', async () => {
    const body = envelopeOf([indicator()]);
    expectFailure(await post(target, target.collections.writable, body, { contentType: 'application/xml' }), [415]);
    expectFailure(await post(target, target.collections.writable, body, { contentType: 'text/plain' }), [415]);
  });

  it('§5.5: 406 when the Accept header names no TAXII media type', async () => {
    expectFailure(await post(target, target.collections.writable, envelopeOf([indicator()]), { accept: 'application/xml' }), [406]);
  });
});

describe('§5.5 Add Objects: refused by content', () => {
  it('§5.5: "422 - ... when sending a malformed body": JSON that is no envelope', async () => {
    expectFailure(await post(target, target.collections.writable, JSON.stringify({ objects: 'not a list' })), [422]);
    expectFailure(await post(target, target.collections.writable, JSON.stringify([indicator()])), [422]);
  });

  it('§5.5: a body that is not JSON at all answers 400 (not understood) or 422 (malformed)', async () => {
    expectFailure(await post(target, target.collections.writable, '{"objects": [ {"type": "indicator"'), [400, 422]);
  });
});

describe('§4.2.1 max_content_length and §5.5 413', () => {
  it('§4.2.1: the API root advertises the cap the server enforces', async () => {
    expect(expectResource(await taxii(target, target.apiRootPath, { token: target.tokens.writer }), 200, ApiRoot).max_content_length).toBe(CAP);
  });

  it('§4.2.1: "Requests with total body length values smaller than this value MUST NOT result in an HTTP 413"; one octet more answers 413 (§5.5)', async () => {
    const base = indicator('Padded');
    const padding = CAP - Buffer.byteLength(envelopeOf([{ ...base, description: '' }]));
    const atCap = envelopeOf([{ ...base, description: 'x'.repeat(padding) }]);
    expect(Buffer.byteLength(atCap)).toBe(CAP);
    expectResource(await post(target, target.collections.writable, atCap), 202, Status);
    const overCap = envelopeOf([{ ...indicator('Padded'), description: 'x'.repeat(padding + 1) }]);
    expectFailure(await post(target, target.collections.writable, overCap), [413]);
  });

  it('§5.5 413 (issue 18: "refused before it is read whole"): a declared Content-Length over the cap is answered while the body is still being sent', async () => {
    expect(await answerWhileSending(CAP * 100, Buffer.alloc(CAP + 1, 0x20))).toBe(413);
  });

  it('§5.5 413: a chunked body (no Content-Length) is answered 413 once it passes the cap, without waiting for its end', async () => {
    expect(await answerWhileSending(undefined, Buffer.alloc(CAP * 2, 0x20))).toBe(413);
  });

  it('§5.5 413: after clients that hung up on their refused bodies, the server still answers', async () => {
    await Promise.all([answerWhileSending(CAP * 10, Buffer.alloc(CAP + 1, 0x20)), answerWhileSending(undefined, Buffer.alloc(CAP * 2, 0x20))]);
    expectResource(await taxii(target, target.apiRootPath, { token: target.tokens.writer }), 200, ApiRoot);
  });
});

/**
 * POST the first part of a body and never send the rest: a server that reads bodies whole before
 * checking their size would wait forever, one that enforces the cap answers now.
 */
function answerWhileSending(contentLength: number | undefined, firstPart: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const url = new URL(collectionPath(target, target.collections.writable, 'objects/'), target.origin);
    const headers: Record<string, string> = { accept: TAXII_21, 'content-type': TAXII_21, authorization: `Bearer ${target.tokens.writer}` };
    if (contentLength !== undefined) headers['content-length'] = String(contentLength);
    const request = httpRequest(url, { method: 'POST', headers });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error('No answer within 5 s while the rest of the body was still to come'));
    }, 5000);
    request.on('response', (response) => {
      answered = true;
      clearTimeout(timer);
      response.resume();
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    request.on('error', (error) => {
      // The server may close the connection after answering; only an error before any answer counts.
      if (answered) return;
      clearTimeout(timer);
      reject(error);
    });
    request.write(firstPart);
  });
}
