/**
 * Reading an ATT&CK Navigator layer file (issue 15, point 5) — an untrusted file, parsed
 * in the renderer, never in main. Layer format 4.5 and the older ones the Navigator still
 * opens, upgraded the way it upgrades them: `version` (3.x) becomes `versions.layer`, the
 * old domain names `mitre-enterprise` / `mitre-mobile` become `enterprise-attack` /
 * `mobile-attack`, an empty `color` or a missing `score` means none. A file holding a list
 * of layers (the Navigator's "download all") gives each. Colours reach the page as style
 * values only, so anything but a hex or named colour is dropped.
 */
import { z } from 'zod';
import { ATTACK_DOMAINS, type AttackDomain } from './domains.ts';

export interface LayerTechnique {
  techniqueID: string;
  /** The tactic's shortname when the entry applies under one tactic only. */
  tactic?: string;
  score?: number;
  color?: string;
  comment?: string;
  enabled: boolean;
}

export interface ImportedLayer {
  name: string;
  description: string;
  domain: AttackDomain;
  /** The layer format the file was written in ("4.5", "3.0"…). */
  format: string;
  techniques: LayerTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
}

export class LayerFileError extends Error {
  override name = 'LayerFileError';
}

const COLOUR = /^(#[0-9a-f]{3,8}|[a-z]{3,24})$/i;
const colour = z.string().transform((value) => (COLOUR.test(value.trim()) ? value.trim() : undefined));
// Old layers wrote scores as strings, and "" for none.
const score = z.union([z.number(), z.string(), z.null()]).transform((value) => {
  if (value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
});

const technique = z.object({
  techniqueID: z.string().trim().regex(/^T\d{4}(\.\d{3})?$/, 'is not an ATT&CK technique id such as T1059 or T1059.001'),
  tactic: z.string().optional(),
  score: score.optional(),
  color: colour.optional(),
  comment: z.string().optional(),
  enabled: z.boolean().optional(),
});

const OLD_DOMAINS: Readonly<Record<string, AttackDomain>> = { 'mitre-enterprise': 'enterprise-attack', 'mitre-mobile': 'mobile-attack', 'mitre-ics': 'ics-attack' };

const layer = z.object({
  name: z.string({ error: 'has no name' }),
  description: z.string().optional(),
  versions: z.object({ layer: z.string().optional() }).loose().optional(),
  version: z.union([z.string(), z.number()]).optional(),
  domain: z.string({ error: 'has no domain' }).transform((value, context) => {
    const domain = OLD_DOMAINS[value] ?? value;
    if ((ATTACK_DOMAINS as readonly string[]).includes(domain)) return domain as AttackDomain;
    context.addIssue({ code: 'custom', message: `has the domain "${value.slice(0, 40)}"; a layer is for enterprise-attack, mobile-attack or ics-attack` });
    return z.NEVER;
  }),
  techniques: z.array(technique).default([]),
  gradient: z.object({ colors: z.array(colour).min(2), minValue: z.number(), maxValue: z.number() }).optional(),
  legendItems: z.array(z.object({ label: z.string(), color: colour })).optional(),
}).loose();

/** The Navigator's default gradient (red, yellow, green over 0 to 100). */
const DEFAULT_GRADIENT = { colors: ['#ff6666', '#ffe766', '#8ec843'], minValue: 0, maxValue: 100 };

function toLayer(parsed: z.infer<typeof layer>): ImportedLayer {
  const colours = parsed.gradient?.colors.filter((entry): entry is string => entry !== undefined) ?? [];
  const gradient = parsed.gradient && colours.length >= 2 && parsed.gradient.maxValue > parsed.gradient.minValue
    ? { colors: colours, minValue: parsed.gradient.minValue, maxValue: parsed.gradient.maxValue }
    : DEFAULT_GRADIENT;
  return {
    name: parsed.name,
    description: parsed.description ?? '',
    domain: parsed.domain,
    format: parsed.versions?.layer ?? (parsed.version === undefined ? 'unknown' : String(parsed.version)),
    techniques: parsed.techniques.map((entry) => ({
      techniqueID: entry.techniqueID,
      ...(entry.tactic ? { tactic: entry.tactic } : {}),
      ...(entry.score === undefined ? {} : { score: entry.score }),
      ...(entry.color ? { color: entry.color } : {}),
      ...(entry.comment ? { comment: entry.comment } : {}),
      enabled: entry.enabled ?? true,
    })),
    gradient,
    legendItems: (parsed.legendItems ?? []).flatMap((item) => (item.color ? [{ label: item.label, color: item.color }] : [])),
  };
}

function where(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'the layer' : path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
}

/** The layers of a layer file's text; a LayerFileError says what is wrong and where. */
export function parseLayerFile(text: string): ImportedLayer[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LayerFileError('This file is not JSON, so it is not a Navigator layer. Export the layer from the ATT&CK Navigator ("download layer as JSON") and import that file.');
  }
  const many = Array.isArray(json);
  const list: unknown[] = Array.isArray(json) ? (json as unknown[]) : [json];
  if (list.length === 0) throw new LayerFileError('This file holds an empty list of layers. Export a layer from the ATT&CK Navigator and import that file.');
  return list.map((entry, index) => {
    const result = layer.safeParse(entry);
    if (result.success) return toLayer(result.data);
    const issue = result.error.issues[0];
    const at = issue ? where(issue.path) : 'the layer';
    const which = many ? `Layer ${index + 1}: ` : '';
    throw new LayerFileError(`${which}${at} ${issue?.message ?? 'is not valid'}. This does not look like an ATT&CK Navigator layer file (format 4.5 or older).`);
  });
}
