/** Backup archives for the knowledge base's tests: one taken through the API, one forged. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { KbApi } from '../api.ts';

/** The whole archive, pulled chunk by chunk as the Settings card does. */
export async function backupBytes(api: KbApi): Promise<Uint8Array<ArrayBuffer>> {
  const { session } = await api.backupOpen({ appVersion: '0.1.0', connectors: { connectors: [] } });
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { chunk } = await api.backupRead({ session });
    if (!chunk) break;
    chunks.push(chunk);
  }
  return new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
}

/**
 * The archive with its last object record replaced by one Magpie never wrote, the
 * manifest's bytes and SHA-256 made to match: it passes the first (verify) pass and
 * fails only while the restore writes.
 */
export function withBadLastObjectRecord(archive: Uint8Array): Uint8Array<ArrayBuffer> {
  const entries = unzipSync(archive);
  const lines = strFromU8(entries['objects.jsonl'] ?? new Uint8Array()).split('\n');
  lines[lines.length - 2] = JSON.stringify({ id: 'x', type: 'y' });
  const text = strToU8(lines.join('\n'));
  const manifest = JSON.parse(strFromU8(entries['manifest.json'] ?? new Uint8Array())) as { entries: { path: string; bytes: number; sha256: string }[] };
  const entry = manifest.entries.find((each) => each.path === 'objects.jsonl');
  if (!entry) throw new Error('no objects entry');
  entry.bytes = text.length;
  entry.sha256 = bytesToHex(sha256(text));
  const { 'manifest.json': _old, ...rest } = entries;
  return zipSync({ ...rest, 'objects.jsonl': text, 'manifest.json': strToU8(JSON.stringify(manifest)) });
}
