/**
 * The names of referenced objects, fetched in batches (issue 15): every ObjectRef on screen
 * asks here, the asks of one render are gathered into one knowledge-base call (split below
 * the worker's per-call limit), and answers are kept until the knowledge base changes.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { knowledgeBase, onKnowledgeChanged } from '../kb/client.ts';
import { MAX_NAMES_PER_CALL, typeOfId, type ObjectName } from '../kb/queries/names.ts';

export type { ObjectName };

const BATCH = Math.min(2000, MAX_NAMES_PER_CALL);

let known = new Map<string, ObjectName>();
/** Answers from before the last change: shown until the new ones arrive, so chips do not flicker. */
let previous = new Map<string, ObjectName>();
const asked = new Set<string>();
const waiting = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;
let flushing = false;
let scheduled = false;
let unfollow: (() => void) | null = null;

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function follow(): void {
  unfollow ??= onKnowledgeChanged(() => {
    previous = new Map([...previous, ...known]);
    known = new Map();
    asked.clear();
    changed();
  });
}

async function flush(): Promise<void> {
  scheduled = false;
  if (flushing) return;
  flushing = true;
  try {
    while (waiting.size > 0) {
      const batch = [...waiting].slice(0, BATCH);
      for (const id of batch) waiting.delete(id);
      try {
        const names = await knowledgeBase().objectNames({ ids: batch });
        for (const name of names) known.set(name.id, name);
      } catch {
        // Asked again on the next change or render; meanwhile the chip says it is loading.
        for (const id of batch) asked.delete(id);
      }
      changed();
    }
  } finally {
    flushing = false;
  }
}

function ask(ids: readonly string[]): void {
  follow();
  let fresh = false;
  for (const id of ids) {
    if (known.has(id) || asked.has(id)) continue;
    asked.add(id);
    waiting.add(id);
    fresh = true;
  }
  // Gathered until the current render's effects have all asked.
  if (fresh && !flushing && !scheduled) {
    scheduled = true;
    setTimeout(() => void flush(), 0);
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The name of one id as known now: undefined while it is being read. */
export function peekName(id: string): ObjectName | undefined {
  return known.get(id) ?? previous.get(id);
}

/** A placeholder for an id whose object is not known (yet): its type comes from the id. */
export function unknownName(id: string): ObjectName {
  return { id, type: typeOfId(id), name: null, found: false, externalId: null, tlp: null, revoked: false };
}

/**
 * Names for `ids`, read in batches: entries are missing while they load. One call per
 * batch however many components ask, so a list of 1,500 references is two calls.
 */
export function useObjectNames(ids: readonly string[]): ReadonlyMap<string, ObjectName> {
  const current = useSyncExternalStore(subscribe, () => version);
  const key = ids.join('\n');
  useEffect(() => {
    ask(ids);
    // `key` stands for the ids; `current` asks again after a knowledge change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, current]);
  return useMemo(() => {
    const names = new Map<string, ObjectName>();
    for (const id of ids) {
      const name = peekName(id);
      if (name) names.set(id, name);
    }
    return names;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, current]);
}

export function useObjectName(id: string): ObjectName | undefined {
  return useObjectNames(useMemo(() => [id], [id])).get(id);
}
