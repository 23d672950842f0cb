/**
 * Granular-marking selectors (STIX 2.1 §7.2.3.1): each selector MUST name a property or
 * list item the object actually has. A selector is property names and list indexes joined
 * by dots — `description`, `labels.[1]`, `external_references.[0].url` — walked from the
 * top of the object. A hand-typed selector that names nothing would mark nothing, so it is
 * an error, with the names the object does have.
 */
import { pointer, type IssueList } from '../issues.ts';
import { isObject, type JsonObject } from './properties.ts';

const INDEX = /^\[(\d+)\]$/;

/** Why `selector` selects nothing in `object`, or `undefined` when it selects something. */
export function selectorProblem(object: Readonly<JsonObject>, selector: string): string | undefined {
  let current: unknown = object;
  let walked = '';
  for (const segment of selector.split('.')) {
    const where = walked === '' ? 'the object' : walked;
    const index = INDEX.exec(segment);
    if (index !== null) {
      const at = Number(index[1]);
      if (!Array.isArray(current)) return `${where} is not a list, so ${segment} selects nothing`;
      if (at >= current.length) return `${where} has ${current.length} item(s), so ${segment} selects nothing: use [0] to [${current.length - 1}]`;
      current = current[at];
    } else {
      if (!isObject(current)) return `${where} has no properties, so "${segment}" selects nothing${Array.isArray(current) ? ': select an item with [0], [1], …' : ''}`;
      if (segment === '' || !Object.hasOwn(current, segment)) {
        const names = Object.keys(current).slice(0, 6).join(', ');
        return `${where} has no property "${segment}": select one it has (${names})`;
      }
      current = current[segment];
    }
    walked = walked === '' ? segment : `${walked}.${segment}`;
  }
  return undefined;
}

/** Every selector of every granular marking on `object`. */
export function checkSelectors(object: Readonly<JsonObject>, path: string, issues: IssueList): void {
  const markings = object['granular_markings'];
  if (!Array.isArray(markings)) return;
  markings.forEach((marking: unknown, markingIndex) => {
    const selectors = isObject(marking) ? marking['selectors'] : undefined;
    if (!Array.isArray(selectors)) return;
    selectors.forEach((selector: unknown, selectorIndex) => {
      if (typeof selector !== 'string') return;
      const problem = selectorProblem(object, selector);
      const at = pointer(pointer(pointer(pointer(path, 'granular_markings'), markingIndex), 'selectors'), selectorIndex);
      if (problem !== undefined) issues.error(at, 'selector', `Selector "${selector}": ${problem}.`);
    });
  });
}
