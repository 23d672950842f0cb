/**
 * Reads from the knowledge base for a component, and reads again when its inputs change
 * or when the knowledge base changes. Results are not copied into stores.
 */
import { useEffect, useState } from 'react';
import { onKnowledgeChanged } from './client.ts';

export interface KbQueryState<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
}

type Inputs = readonly (string | number | boolean | null | undefined)[];

export function useKbQuery<T>(load: () => Promise<T>, inputs: Inputs): KbQueryState<T> {
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify([...inputs, generation]);
  const [result, setResult] = useState<{ key: string; data: T | undefined; error: Error | null } | null>(null);

  useEffect(() => onKnowledgeChanged(() => setGeneration((value) => value + 1)), []);

  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setResult({ key, data, error: null }),
      (error: unknown) => live && setResult({ key, data: undefined, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
    // `key` stands for the inputs; `load` is a new closure on every render by design.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // While a new read runs, the previous result stays on screen (no flicker), marked loading.
  return { data: result?.data, error: result?.key === key ? result.error : null, loading: result?.key !== key };
}
