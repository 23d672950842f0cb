/**
 * A MISP feed N times the size of a sample feed, for the benchmark: every event cloned N
 * times with a fresh event uuid and fresh attribute uuids and values (hex hashes rehashed
 * to the same length, IPs moved, host names prefixed), so each copy yields new objects
 * instead of deduplicating into the first, and moved back in time by copy. Written to a folder the caller owns (a temp dir).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

type Json = Record<string, unknown>;

function digest(text: string): string {
  return createHash('sha512').update(text).digest('hex');
}

/** The same kind of value, different for each copy. */
export function varyValue(type: string, value: string, copy: number): string {
  const salt = `${String(copy)}:${value}`;
  if (/^[0-9a-f]{16,128}$/i.test(value)) return digest(salt).repeat(2).slice(0, value.length);
  const ipv4 = /^(\d{1,3})\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.exec(value);
  if (ipv4) {
    const bytes = Buffer.from(digest(salt).slice(0, 6), 'hex');
    return `${ipv4[1] ?? '10'}.${String(bytes[0] ?? 0)}.${String(bytes[1] ?? 0)}.${String((bytes[2] ?? 0) % 254 + 1)}`;
  }
  const prefix = `v${String(copy)}-`;
  if (type === 'url' || type === 'link' || /^[a-z]+:\/\//i.test(value)) return value.replace(/^([a-z]+:\/\/)?/i, (scheme) => `${scheme}${prefix}`);
  if (type.startsWith('email') || type.startsWith('domain') || type === 'hostname') return `${prefix}${value}`;
  return value;
}

function cloneAttribute(attribute: unknown, copy: number): unknown {
  if (typeof attribute !== 'object' || attribute === null) return attribute;
  const record = attribute as Json;
  const value = typeof record['value'] === 'string' ? varyValue(String(record['type']), record['value'], copy) : record['value'];
  return { ...record, uuid: randomUUID(), value };
}

function cloneEvent(event: Json, copy: number, uuid: string): Json {
  const attributes = Array.isArray(event['Attribute']) ? event['Attribute'].map((attribute: unknown) => cloneAttribute(attribute, copy)) : event['Attribute'];
  const objects = Array.isArray(event['Object'])
    ? event['Object'].map((object: unknown) => {
        if (typeof object !== 'object' || object === null) return object;
        const record = object as Json;
        const inner = Array.isArray(record['Attribute']) ? record['Attribute'].map((attribute: unknown) => cloneAttribute(attribute, copy)) : record['Attribute'];
        return { ...record, uuid: randomUUID(), Attribute: inner };
      })
    : event['Object'];
  // Each copy a few years earlier: the connector fetches in timestamp order, so the feed reads
  // copy after copy, like a feed with ten times the history, not ten of each event in a row.
  const timestamp = String(Number(event['timestamp']) - copy * 100_000_000);
  return { ...event, uuid, timestamp, info: `${String(event['info'])} (copy ${String(copy)})`, Attribute: attributes, Object: objects };
}

export interface GeneratedFeed {
  events: number;
  bytes: number;
}

/** Writes `copies` clones of every event of the feed in `source` into `target`, with a manifest. */
export async function generateFeed(source: string, target: string, copies: number): Promise<GeneratedFeed> {
  const manifest: Json = {};
  let bytes = 0;
  const files = (await readdir(source)).filter((name) => /^[0-9a-f-]{36}\.json$/.test(name));
  for (const file of files) {
    const { Event: event } = JSON.parse(await readFile(join(source, file), 'utf8')) as { Event: Json };
    for (let copy = 1; copy <= copies; copy += 1) {
      const uuid = randomUUID();
      const clone = cloneEvent(event, copy, uuid);
      const text = JSON.stringify({ Event: clone });
      bytes += text.length;
      await writeFile(join(target, `${uuid}.json`), text);
      manifest[uuid] = { Orgc: clone['Orgc'], Tag: clone['Tag'], info: clone['info'], date: clone['date'], analysis: clone['analysis'], threat_level_id: clone['threat_level_id'], timestamp: clone['timestamp'] };
    }
  }
  await writeFile(join(target, 'manifest.json'), JSON.stringify(manifest));
  return { events: Object.keys(manifest).length, bytes };
}
