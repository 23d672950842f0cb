/**
 * The `magpie` executable's entry: plain Node, no Electron. `npm run magpie -- …` runs this
 * file with the pinned Node (which strips the types); a global install runs the build of
 * it in out/cli/ through bin/magpie.js.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './run.ts';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function version(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const code = await runCli(process.argv.slice(2), { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), readStdin }, version());
// Let stdout drain (a pipe may be slow) before exiting with the code.
process.exitCode = code;
