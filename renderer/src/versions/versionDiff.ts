/**
 * The field-by-field difference between two versions of one object, as the History tab
 * shows it: each top-level property that was added, removed or changed, with both values.
 * `modified` changes in every version, so it is left out: the row already says when.
 */
import canonicalize from 'canonicalize';
import { tlpLevelOf } from '../../../core/stix/markings.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';

export interface FieldChange {
  field: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const IGNORED = new Set(['modified']);

export function versionDiff(older: Readonly<JsonObject> | undefined, newer: Readonly<JsonObject>): FieldChange[] {
  if (!older) return [];
  const fields = [...new Set([...Object.keys(older), ...Object.keys(newer)])].filter((field) => !IGNORED.has(field));
  const changes: FieldChange[] = [];
  for (const field of fields.sort()) {
    const before = older[field];
    const after = newer[field];
    if (before === undefined && after !== undefined) changes.push({ field, kind: 'added', after });
    else if (before !== undefined && after === undefined) changes.push({ field, kind: 'removed', before });
    else if (canonicalize(before) !== canonicalize(after)) changes.push({ field, kind: 'changed', before, after });
  }
  return changes;
}

/** A TLP marking by its name (what the analyst chose), anything else as it is. */
function named(text: string): string {
  const level = tlpLevelOf(text);
  return level === undefined ? text : `TLP:${level.toUpperCase()}`;
}

/** A value as one line of text: lists joined, TLP markings by name, objects as compact JSON. */
export function shownValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return named(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.map(named).join(', ');
  return JSON.stringify(value);
}
