/**
 * The one way tests reach the real peers (programs nobody on the team wrote, such as the
 * OASIS TAXII 2.1 reference server medallion) in ../shared/peers, or MAGPIE_PEERS. When a
 * peer is absent, the tests that need it are skipped with a message saying why.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '..');

export const peersDir: string = resolve(projectRoot, process.env['MAGPIE_PEERS'] ?? '../shared/peers');

export const peersSkipReason = `shared peers not found at ${peersDir}: set MAGPIE_PEERS to the folder holding the peer programs (see README, "Test data")`;

/** Absolute path of a file or folder inside the shared peers. */
export function peerPath(...parts: string[]): string {
  return join(peersDir, ...parts);
}

/** True when a peer exists; prints a visible note naming the missing one otherwise. */
export function hasPeer(...parts: string[]): boolean {
  const path = peerPath(...parts);
  if (existsSync(path)) return true;
  console.warn(`[peers] skipping: ${path} is missing. ${peersSkipReason}`);
  return false;
}
