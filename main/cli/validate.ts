/** `magpie validate`: the same streaming reader and validator as the app's bundle import. */
import { createReadStream } from 'node:fs';
import { BundleError, readBundle, type Issue } from '../../core/stix/index.ts';
import type { CliIo } from './io.ts';

export async function runValidate(path: string, io: CliIo): Promise<number> {
  const issues: Issue[] = [];
  let count = 0;
  try {
    for await (const event of readBundle(createReadStream(path))) {
      if (event.kind === 'object') issues.push(...event.issues);
      else {
        issues.push(...event.issues);
        count = event.count;
      }
    }
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof BundleError ? error.message : code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    io.stderr(`magpie: ${path}: ${message}\n`);
    return 1;
  }
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity !== 'error');
  const list = (items: readonly Issue[]): string => items.map((issue) => `  ${issue.path || '/'}: ${issue.message}\n`).join('');
  if (errors.length > 0) {
    io.stdout(`${path}: INVALID: ${errors.length} error${errors.length === 1 ? '' : 's'}${warnings.length > 0 ? `, ${warnings.length} warning(s)` : ''}\n${list(errors)}${list(warnings)}`);
    return 1;
  }
  io.stdout(`${path}: OK: a valid STIX 2.1 bundle with ${count} object${count === 1 ? '' : 's'}${warnings.length > 0 ? ` (${warnings.length} warning(s))` : ''}\n${list(warnings)}`);
  return 0;
}
