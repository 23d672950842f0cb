/**
 * MISP warning lists (github.com/MISP/misp-warninglists, `list.json`) as allow lists,
 * read by core/warninglists (which refuses `regex` lists rather than run them).
 */
import { parseMispWarninglist } from '../warninglists/parse.ts';
import type { ValueList } from './types.ts';

export { WarningListError } from '../warninglists/parse.ts';

export function parseWarningList(json: unknown): ValueList {
  const { name, values } = parseMispWarninglist(json);
  return { name, values };
}
