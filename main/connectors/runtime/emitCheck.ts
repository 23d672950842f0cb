/**
 * The gate between a connector and delivery: every emitted object must pass core/stix's
 * validator, so a converter bug stops the run with a message instead of putting a broken
 * object into the knowledge base.
 */
import { hasErrors, validateObject, type JsonObject } from '../../../core/stix/index.ts';
import { ConnectorError } from './errors.ts';

export function checkEmitted(connectorId: string, objects: readonly unknown[]): JsonObject[] {
  if (!Array.isArray(objects)) throw new ConnectorError('invalid-object', `${connectorId} emitted something that is not a list of STIX objects.`);
  objects.forEach((object, index) => {
    const issues = validateObject(object);
    if (!hasErrors(issues)) return;
    const id = typeof object === 'object' && object !== null && typeof (object as { id?: unknown }).id === 'string' ? (object as { id: string }).id : `object #${String(index)}`;
    const errors = issues.filter((issue) => issue.severity === 'error').slice(0, 3);
    const detail = errors.map((issue) => `${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`).join('; ');
    throw new ConnectorError('invalid-object', `${connectorId} produced an invalid STIX object (${id}): ${detail}. This is a bug in the connector; nothing from this batch was delivered.`);
  });
  return objects as JsonObject[];
}
