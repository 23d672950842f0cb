/**
 * RFC 5646 language tags, which STIX 2.1 requires for `lang` (§3.2), a granular marking's
 * `lang` (§7.2.3) and the keys of a language-content's `contents` (§7.1). A tag must be
 * well formed (bcp-47 parses the ABNF) and valid: each subtag registered in the IANA
 * Language Subtag Registry (language-subtag-registry, its data as JSON), so `foo`,
 * `english` or `en_US` are refused while `en`, `ja-JP`, `zh-Hant-TW` and `es-419` pass.
 */
import { parse } from 'bcp-47';
import extlangs from 'language-subtag-registry/data/json/extlang.json' with { type: 'json' };
import languages from 'language-subtag-registry/data/json/language.json' with { type: 'json' };
import regions from 'language-subtag-registry/data/json/region.json' with { type: 'json' };
import scripts from 'language-subtag-registry/data/json/script.json' with { type: 'json' };
import variants from 'language-subtag-registry/data/json/variant.json' with { type: 'json' };
import type { Prop } from './properties.ts';

type Index = Readonly<Record<string, number>>;

/** The `from..to` ranges of each index, read once: a failed lookup must not scan thousands of keys. */
const rangesOf = new Map<Index, readonly (readonly [string, string])[]>();

function ranges(index: Index): readonly (readonly [string, string])[] {
  let found = rangesOf.get(index);
  if (found === undefined) {
    found = Object.keys(index).flatMap((key) => {
      const [from, to] = key.split('..');
      return from !== undefined && to !== undefined ? [[from, to] as const] : [];
    });
    rangesOf.set(index, found);
  }
  return found;
}

/**
 * Whether `subtag` (lowercase) is registered: listed itself or inside a range the registry
 * writes as `qaa..qtz` (the private-use blocks of RFC 5646 §2.2.1–2.2.4).
 */
function registered(index: Index, subtag: string): boolean {
  if (Object.hasOwn(index, subtag)) return true;
  return ranges(index).some(([from, to]) => subtag.length === from.length && subtag >= from && subtag <= to);
}

/**
 * Why `tag` is not a valid RFC 5646 language tag, or `undefined` when it is one. The
 * reason names the part that is wrong, for a message that says what to type instead.
 */
export function languageTagProblem(tag: string): string | undefined {
  let syntax: string | undefined;
  const schema = parse(tag, { normalize: false, warning: (reason) => { syntax ??= reason; } });
  if (syntax !== undefined || tag === '' || /\s/.test(tag)) return `"${tag}" is not written as a language tag`;
  // Grandfathered tags and private-use-only tags (x-…) are valid as they stand.
  if (schema.irregular || schema.regular || (!schema.language && schema.privateuse.length > 0)) return undefined;
  const language = schema.language?.toLowerCase() ?? '';
  if (!registered(languages, language)) return `"${language}" is not a registered language code`;
  for (const extlang of schema.extendedLanguageSubtags) {
    if (!registered(extlangs, extlang.toLowerCase())) return `"${extlang}" is not a registered extended language subtag`;
  }
  if (schema.script && !registered(scripts, schema.script.toLowerCase())) return `"${schema.script}" is not a registered script code`;
  if (schema.region && !registered(regions, schema.region.toLowerCase())) return `"${schema.region}" is not a registered region code`;
  for (const variant of schema.variants) {
    if (!registered(variants, variant.toLowerCase())) return `"${variant}" is not a registered variant`;
  }
  const singletons = schema.extensions.map((extension) => extension.singleton.toLowerCase());
  if (new Set(singletons).size !== singletons.length) return 'an extension singleton appears twice';
  return undefined;
}

/** A property holding a language tag; the message says what to type instead. */
export function languageTag(): Prop<string, false> {
  return {
    required: false,
    shape: { kind: 'string' },
    check(value, path, issues) {
      if (typeof value !== 'string') return issues.error(path, 'value-type', 'Expected a language tag such as en, ja or en-US.');
      const problem = languageTagProblem(value);
      if (problem !== undefined) issues.error(path, 'language-tag', `${problem}: write an RFC 5646 language tag such as en, ja or en-US.`);
    },
  };
}
