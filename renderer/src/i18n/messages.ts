import type { en } from './en.ts';

/** The shape of a translation: the English keys, with any string (or list of strings) as values. */
type Widen<T> = T extends string
  ? string
  : T extends readonly string[]
    ? string[]
    : { [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof en>;
