/**
 * A certificate for the TAXII server when the analyst has none of her own (issue 18, point
 * 2): self-signed, for the address the server listens on, kept in the profile (the key
 * readable by the analyst only). Clients pin it by the SHA-256 fingerprint Settings shows.
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export async function generateCertificate(folder: string, host: string, now: Date = new Date()): Promise<{ certFile: string; keyFile: string }> {
  const notAfter = new Date(now);
  notAfter.setFullYear(notAfter.getFullYear() + 2);
  const altNames = [isIP(host) ? { type: 7 as const, ip: host } : { type: 2 as const, value: host }, { type: 7 as const, ip: '127.0.0.1' }, { type: 2 as const, value: 'localhost' }];
  const pems = await generate([{ name: 'commonName', value: host }, { name: 'organizationName', value: 'Magpie TAXII server' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: notAfter,
    extensions: [{ name: 'subjectAltName', altNames }],
  });
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const certFile = join(folder, 'cert.pem');
  const keyFile = join(folder, 'key.pem');
  await writeFile(keyFile, pems.private, { mode: 0o600 });
  await writeFile(certFile, pems.cert, { mode: 0o644 });
  return { certFile, keyFile };
}

/** The certificate's SHA-256 fingerprint, as browsers and `openssl x509 -fingerprint -sha256` show it; null when unreadable. */
export async function certificateFingerprint(certFile: string): Promise<string | null> {
  try {
    return new X509Certificate(await readFile(certFile)).fingerprint256;
  } catch {
    return null;
  }
}
