/**
 * The runtime shape of an investigation: what the knowledge base accepts before it stores
 * one, since it arrives from the UI over a worker port (and later from files).
 */
import { z } from 'zod';
import { CodedError } from '../errors.ts';
import { TLP_ORDER } from '../stix/markings.ts';
import { parseId } from '../stix/model/identifier.ts';
import { isObject } from '../stix/model/properties.ts';
import { compareTimestamps, isTimestamp } from '../stix/model/timestamp.ts';
import { layoutNames, noFilters, type GraphFilters, type Investigation, type InvestigationNode } from './types.ts';

/** The most nodes an investigation keeps: the graph view's measured reach (bench:graph). */
export const maxInvestigationNodes = 50_000;

const stixId = z.string().refine((value) => parseId(value) !== undefined, 'must be a STIX id such as malware--<uuid>');
const timestamp = z.string().refine(isTimestamp, 'must be a UTC timestamp such as 2024-03-01T10:00:00.000Z');
const isoDate = z.string().refine((value) => /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) && !Number.isNaN(Date.parse(value)), 'must be a date such as 2024-03-01');
const coordinate = z.number().refine(Number.isFinite, 'must be a finite number');

const nodeSchema = z.object({
  id: stixId,
  x: coordinate,
  y: coordinate,
  pinned: z.boolean(),
  hidden: z.boolean(),
}) satisfies z.ZodType<InvestigationNode>;

const filtersSchema = z.object({
  types: z.array(z.string().min(1).max(250)).max(1000),
  tlp: z.array(z.enum([...TLP_ORDER, 'none'])).max(TLP_ORDER.length + 1),
  labels: z.array(z.string().min(1).max(1000)).max(1000),
  minConfidence: z.number().int().min(0).max(100).nullable(),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
}) satisfies z.ZodType<GraphFilters>;

export const investigationSchema = z.object({
  id: z.string().regex(/^grouping--[0-9a-f-]{36}$/, 'must be grouping--<uuid>'),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  description: z.string().max(10_000, 'must be at most 10,000 characters'),
  created: timestamp,
  modified: timestamp,
  nodes: z
    .array(nodeSchema)
    .max(maxInvestigationNodes, `must hold at most ${maxInvestigationNodes.toLocaleString('en')} nodes`)
    // Run even when some node is malformed, so a duplicate is reported with the rest; the
    // nodes are then unchecked input, hence read as unknown.
    .superRefine((nodes: readonly unknown[], context) => {
      if (!Array.isArray(nodes)) return;
      const seen = new Set<string>();
      nodes.forEach((node: unknown, index) => {
        const id = isObject(node) ? node['id'] : undefined;
        if (typeof id !== 'string') return;
        if (seen.has(id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `${id} is on the graph twice` });
        seen.add(id);
      });
    }, { when: () => true }),
  filters: filtersSchema,
  layout: z.enum(layoutNames),
}).refine((investigation) => !isTimestamp(investigation.created) || !isTimestamp(investigation.modified) || compareTimestamps(investigation.created, investigation.modified) <= 0, {
  path: ['modified'],
  message: 'must not be earlier than created',
}) satisfies z.ZodType<Investigation>;

export class InvestigationError extends CodedError<'invalid-investigation'> {
  /** Each problem as `path: what is wrong`. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const shown = problems.slice(0, 10);
    const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
    super('InvestigationError', 'invalid-investigation', `This investigation is not valid: ${shown.join('; ')}${more}.`);
    this.problems = problems;
  }
}

/** The investigation in `value`, or an InvestigationError listing everything wrong with it. */
export function parseInvestigation(value: unknown): Investigation {
  const parsed = investigationSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InvestigationError(parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'investigation'}: ${issue.message}`));
}

/** A fresh investigation holding `nodes`, with no filters and the default layout. */
export function newInvestigation(name: string, nodes: InvestigationNode[], now: string, uuid: string): Investigation {
  return parseInvestigation({
    id: `grouping--${uuid}`,
    name,
    description: '',
    created: now,
    modified: now,
    nodes,
    filters: { ...noFilters },
    layout: 'force',
  });
}
