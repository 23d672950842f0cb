/** Settings fields that several connectors share, written once so they read and check alike. */
import { z } from 'zod';
import { TLP_ORDER } from '../../core/stix/index.ts';

/** A calendar day as a date field gives it, or nothing (the field left empty). */
export const DAY = /^(\d{4}-\d{2}-\d{2})?$/;

/** The TLP marking a connector puts on what it imports (or on items that state none). */
export function tlpField(title: string, description: string) {
  return z.enum(TLP_ORDER).default('clear').meta({ title, description });
}

/** The first day to import on a first run; empty means the connector's own default window. */
export function importFromField(description: string) {
  return z.string().regex(DAY, 'expected a date such as 2024-01-31').optional().meta({ title: 'Import from', description, widget: 'date' });
}
