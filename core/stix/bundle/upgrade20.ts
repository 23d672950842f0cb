/**
 * Upgrading STIX 2.0 content to 2.1 where the change is defined by the 2.1 spec's
 * differences from 2.0 (STIX 2.1 §1.7 "Changes from STIX 2.0" and the required properties
 * 2.1 added). Each applied change is reported as a warning, so the analyst can see that
 * an import was upgraded. What has no defined upgrade is left for the validator to flag.
 */
import { pointer, type Issue } from '../issues.ts';
import { isScoType } from '../model/categories.ts';
import type { JsonObject } from '../model/properties.ts';
import { parseTimestamp } from '../model/timestamp.ts';

/** 2.0 classified these types with `labels` from an open vocabulary; 2.1 moved that to `*_types`. */
const LABELS_BECAME_TYPES: Readonly<Record<string, string>> = {
  indicator: 'indicator_types',
  malware: 'malware_types',
  report: 'report_types',
  'threat-actor': 'threat_actor_types',
  tool: 'tool_types',
};

function millis(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const parts = parseTimestamp(value);
  if (parts === undefined || parts.fraction.length >= 3) return value;
  return `${value.slice(0, value.length - 1 - (parts.fraction.length > 0 ? parts.fraction.length + 1 : 0))}.${parts.fraction.padEnd(3, '0')}Z`;
}

/** Returns the 2.1 form of a 2.0 object and what was changed, at `path`. */
export function upgradeFrom20(object: JsonObject, path: string): { object: JsonObject; issues: Issue[] } {
  const type = typeof object['type'] === 'string' ? object['type'] : '';
  // type first, then spec_version (SDOs and SROs only), then the rest in their order.
  const upgraded: JsonObject = isScoType(type) ? { type: object['type'] } : { type: object['type'], spec_version: '2.1' };
  for (const [key, value] of Object.entries(object)) if (key !== 'type' && key !== 'spec_version') upgraded[key] = value;
  const changes: string[] = [isScoType(type) ? 'dropped spec_version 2.0' : 'set spec_version to 2.1'];

  for (const key of ['created', 'modified']) {
    const padded = millis(upgraded[key]);
    if (padded !== upgraded[key]) {
      upgraded[key] = padded;
      changes.push(`${key} padded to millisecond precision`);
    }
  }
  const typesKey = Object.hasOwn(LABELS_BECAME_TYPES, type) ? LABELS_BECAME_TYPES[type] : undefined;
  if (typesKey !== undefined && upgraded[typesKey] === undefined && Array.isArray(upgraded['labels'])) {
    upgraded[typesKey] = upgraded['labels'];
    changes.push(`labels copied to ${typesKey}`);
  }
  if (type === 'malware' && upgraded['is_family'] === undefined) {
    // A 2.0 malware object described a family (2.0 §4.6); 2.1 makes that explicit.
    upgraded['is_family'] = true;
    changes.push('is_family set to true');
  }
  if (type === 'indicator' && upgraded['pattern_type'] === undefined) {
    // 2.0 patterns were STIX patterns only.
    upgraded['pattern_type'] = 'stix';
    changes.push('pattern_type set to stix');
  }
  return {
    object: upgraded,
    issues: [{ path: pointer(path, 'spec_version'), severity: 'warning', rule: 'upgraded', message: `Upgraded from STIX 2.0: ${changes.join('; ')}.` }],
  };
}
