/**
 * A MISP warninglist file (`list.json`) read from disk. `string`, `hostname`, `substring`
 * and `cidr` lists are taken; `regex` lists are refused rather than run, since an imported
 * pattern could take super-linear time on a report.
 */
import { z } from 'zod';
import { WARNINGLIST_TYPES, type Warninglist } from './types.ts';

export class WarningListError extends Error {
  override name = 'WarningListError';
}

const Value = z.string().trim().min(1).max(2048);

const ListJson = z.object({
  name: z.string().trim().min(1, 'The warning list has no name.').max(300),
  version: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  description: z.string().max(10_000).optional(),
  type: z.string().optional(),
  category: z.string().optional(),
  matching_attributes: z.array(z.string()).max(200).optional(),
  list: z.array(z.unknown()).max(2_000_000),
});

export function parseMispWarninglist(json: unknown): Warninglist {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new WarningListError('A MISP warning list is a JSON object with name, type and list.');
  const name = (json as Record<string, unknown>)['name'];
  if (typeof name !== 'string' || name.trim() === '') throw new WarningListError('The warning list has no name.');
  const type = (json as Record<string, unknown>)['type'] ?? 'string';
  if (type === 'regex') {
    throw new WarningListError(`"${name}" is a regex warning list; Magpie does not run imported regular expressions (they can take unbounded time). Use a string, hostname or CIDR list.`);
  }
  if (typeof type !== 'string' || !(WARNINGLIST_TYPES as readonly string[]).includes(type)) throw new WarningListError(`"${name}" has the unsupported type ${JSON.stringify(type)}.`);
  const parsed = ListJson.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WarningListError(`"${name}" is not a MISP warning list: ${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'its fields are not valid'}. Take the list.json file of one list from misp-warninglists.`);
  }
  const { version, description, category, matching_attributes: matchingAttributes, list } = parsed.data;
  const values = list.flatMap((value) => {
    const checked = Value.safeParse(value);
    return checked.success ? [checked.data] : [];
  });
  return {
    name: parsed.data.name,
    ...(version === undefined ? {} : { version }),
    ...(description === undefined ? {} : { description }),
    type: type as Warninglist['type'],
    // MISP's default category is false-positive.
    category: category === 'known' ? 'known' : 'false-positive',
    ...(matchingAttributes === undefined ? {} : { matchingAttributes }),
    values,
  };
}
