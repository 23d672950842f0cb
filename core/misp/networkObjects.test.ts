import { describe, expect, it } from 'vitest';
import { toMispEvent } from '../exports/misp.ts';
import { generateScoId, type JsonObject } from '../stix/index.ts';
import { mispEventToStix } from './index.ts';
import { problemsOf } from './testdata/events.ts';

function sco(type: string, properties: JsonObject): JsonObject {
  return { type, spec_version: '2.1', id: generateScoId(type, properties), ...properties };
}

const ip = sco('ipv4-addr', { value: '203.0.113.80' });
const flow = sco('network-traffic', { dst_ref: ip['id'], dst_port: 443, protocols: ['tcp'] });
const certificate = sco('x509-certificate', {
  hashes: { 'SHA-256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }, serial_number: '0a:1b:2c', issuer: 'CN=Evil CA', subject: 'CN=c2.example.net',
});

describe('MISP x509 and network-connection objects', () => {
  it('come back from Magpie\'s MISP export as the same certificate and connection, each one object', () => {
    const { event } = toMispEvent([ip, flow, certificate]);
    expect(event.Event.Object.map((object) => object.name).sort()).toEqual(['network-connection', 'x509']);
    const { objects, warnings } = mispEventToStix(event);
    expect(problemsOf(objects)).toEqual([]);
    const byType = (type: string) => objects.filter((object) => object['type'] === type);
    expect(byType('x509-certificate')).toEqual([expect.objectContaining({ id: certificate['id'], issuer: 'CN=Evil CA', subject: 'CN=c2.example.net' })]);
    expect(byType('network-traffic')).toEqual([expect.objectContaining({ id: flow['id'], dst_ref: ip['id'], dst_port: 443 })]);
    expect(byType('ipv4-addr').map((object) => object['id'])).toEqual([ip['id']]);
    expect(warnings.join(' ')).not.toMatch(/x509|network-connection/);
  });
});
