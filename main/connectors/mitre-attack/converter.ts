/**
 * ATT&CK bundles → what Magpie stores: the objects as MITRE publishes them, after OpenCTI's
 * `mitre` connector (which sends the bundle through unchanged), with two differences.
 *
 *   - Everything published is kept: ATT&CK's custom objects (x-mitre-tactic, -matrix,
 *     -data-source, -data-component, -analytic, -detection-strategy, -asset, -collection)
 *     and properties (x_mitre_*), and revoked or deprecated objects with their `revoked` /
 *     `x_mitre_deprecated` flags and `revoked-by` relationships, where OpenCTI drops revoked
 *     ones. The analyst sees that T1086 became T1059.001 instead of losing it.
 *   - STIX 2.0 bundles (the mitre/cti form) are upgraded by core's bundle reader with its
 *     safe repairs; an object that still fails the validator is skipped and reported, not
 *     imported broken.
 *
 * Each object except marking-definitions gets the configured TLP marking beside MITRE's
 * copyright statement; the TLP marking-definition itself is emitted with the objects.
 */
import { BundleError, hasErrors, readBundleText, TLP_2, type Issue, type JsonObject, type TlpLevel } from '../../../core/stix/index.ts';
import { CodedError } from '../../../core/errors.ts';

export class AttackBundleError extends CodedError<'not-a-bundle' | 'empty-bundle'> {
  constructor(code: 'not-a-bundle' | 'empty-bundle', message: string) {
    super('AttackBundleError', code, message);
  }
}

export type BundleItem = { object: JsonObject; original: JsonObject } | { rejected: string };

/** Adds the TLP marking to an object's markings (a new object; the input is left as read). */
export function withTlp(object: JsonObject, tlp: TlpLevel): JsonObject {
  if (object['type'] === 'marking-definition') return object;
  const marking = TLP_2[tlp].id;
  const existing = Array.isArray(object['object_marking_refs']) ? (object['object_marking_refs'] as unknown[]) : [];
  return existing.includes(marking) ? object : { ...object, object_marking_refs: [...existing, marking] };
}

function describeErrors(issues: readonly Issue[]): string {
  return issues.filter((issue) => issue.severity === 'error').slice(0, 3).map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}

/**
 * The bundle's objects, marked, each with the object as published (for change detection),
 * or why it was skipped. Throws AttackBundleError when the text is not a STIX bundle or
 * holds no objects: a wrong URL must fail the run, not import nothing.
 */
export function* bundleItems(text: string, tlp: TlpLevel, source: string): Generator<BundleItem, void, undefined> {
  let objects = 0;
  try {
    for (const event of readBundleText(text, { repair: true })) {
      if (event.kind === 'end') break;
      objects += 1;
      const id = typeof event.object['id'] === 'string' ? event.object['id'] : `object #${String(event.index)}`;
      if (hasErrors(event.issues)) yield { rejected: `${id}: ${describeErrors(event.issues)}` };
      else yield { object: withTlp(event.object, tlp), original: event.object };
    }
  } catch (error: unknown) {
    if (error instanceof BundleError) throw new AttackBundleError('not-a-bundle', `${source} is not an ATT&CK STIX bundle: ${error.message} Check the bundle URL in the connector settings.`);
    throw error;
  }
  if (objects === 0) throw new AttackBundleError('empty-bundle', `The bundle at ${source} holds no objects; nothing was changed in Magpie. Check the bundle URL in the connector settings.`);
}

export function tlpMarking(tlp: TlpLevel): JsonObject {
  return { ...TLP_2[tlp] };
}
