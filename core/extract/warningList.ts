/**
 * MISP warning lists (github.com/MISP/misp-warninglists, `list.json`) as allow lists.
 * `string`, `hostname`, `substring` and `cidr` lists are taken; `regex` lists are refused
 * rather than run, since an imported pattern could take super-linear time on a report.
 */
import type { ValueList } from './types.ts';

const SUPPORTED = new Set(['string', 'hostname', 'substring', 'cidr']);

export class WarningListError extends Error {
  override name = 'WarningListError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseWarningList(json: unknown): ValueList {
  if (!isRecord(json)) throw new WarningListError('A MISP warning list is a JSON object with name, type and list.');
  const { name, type, list } = json;
  if (typeof name !== 'string' || name.trim() === '') throw new WarningListError('The warning list has no name.');
  const kind = type === undefined ? 'string' : type;
  if (kind === 'regex') {
    throw new WarningListError(`"${name}" is a regex warning list; Magpie does not run imported regular expressions (they can take unbounded time). Use a string, hostname or CIDR list.`);
  }
  if (typeof kind !== 'string' || !SUPPORTED.has(kind)) throw new WarningListError(`"${name}" has the unsupported type ${JSON.stringify(kind)}.`);
  if (!Array.isArray(list)) throw new WarningListError(`"${name}" has no list of values.`);
  const values = list.filter((value): value is string => typeof value === 'string' && value.trim() !== '').map((value) => value.trim());
  return { name, values };
}
