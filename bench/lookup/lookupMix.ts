/**
 * The list `bench:lookup` pastes (issue 21, Done-when): a seeded mix of values an analyst
 * gets in a ticket — values the store holds (some written defanged, as reports write
 * them), values it has never seen, and private addresses every SIEM alert is full of (on
 * the RFC 1918 warninglist). The same seed and store give the same list.
 */
import { seededRandom } from '../../testkit/seededRandom.ts';
import { OBSERVABLE_CLASSES, syntheticStix, type ObservableClass } from '../kb/synthetic.ts';

export interface KnownSample {
  type: ObservableClass;
  value: string;
}

export const MIX_SHARES = { known: 0.4, defanged: 0.2, unknown: 0.25, warninglisted: 0.15 } as const;
export type MixClass = keyof typeof MIX_SHARES;

/** Written as threat reports defang: `[.]` in hosts and addresses, `hxxp` schemes; hashes cannot be. */
export function defang(sample: KnownSample): string {
  const dotted = sample.value.replace(/^([a-z]+:\/\/)?([^/]+)/i, (_, scheme: string | undefined, host: string) => `${scheme ?? ''}${host.replaceAll('.', '[.]')}`);
  return dotted.replace(/^http/i, 'hxxp');
}

/**
 * `count` lines, one value each, shuffled. Known values are drawn without repeats from
 * `known` (those defanged are not hashes); unknown ones come from the same generator under
 * another seed, so they look alike but are not in the store.
 */
export function lookupMix(known: readonly KnownSample[], count: number, seed: number): { lines: string[]; classes: Record<MixClass, number> } {
  const random = seededRandom(seed);
  const pool = [...known];
  const draw = (fits: (sample: KnownSample) => boolean): KnownSample | undefined => {
    for (let tries = 0; tries < 50 && pool.length > 0; tries += 1) {
      const index = Math.floor(random() * pool.length);
      const sample = pool[index] as KnownSample;
      if (!fits(sample)) continue;
      pool[index] = pool.at(-1) as KnownSample;
      pool.pop();
      return sample;
    }
    return undefined;
  };
  const unknown = syntheticStix(seed ^ 0x0bad_5eed);
  const lines: { line: string; order: number }[] = [];
  const classes: Record<MixClass, number> = { known: 0, defanged: 0, unknown: 0, warninglisted: 0 };
  const add = (kind: MixClass, line: string) => {
    lines.push({ line, order: random() });
    classes[kind] += 1;
  };
  for (let index = 0; index < count; index += 1) {
    const roll = random();
    if (roll < MIX_SHARES.known) {
      const sample = draw(() => true);
      if (sample) add('known', sample.value);
    } else if (roll < MIX_SHARES.known + MIX_SHARES.defanged) {
      const sample = draw((candidate) => candidate.type !== 'file');
      if (sample) add('defanged', defang(sample));
    } else if (roll < 1 - MIX_SHARES.warninglisted) {
      add('unknown', unknown.observable(OBSERVABLE_CLASSES[index % 4] as ObservableClass).value);
    } else {
      add('warninglisted', index % 2 === 0 ? `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` : `192.168.${(index >> 8) & 255}.${index & 255}`);
    }
  }
  return { lines: lines.sort((a, b) => a.order - b.order).map((entry) => entry.line), classes };
}

/** A seeded shuffle, for taking an even share of each kind from what the engine found. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let index = out.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [out[index], out[other]] = [out[other] as T, out[index] as T];
  }
  return out;
}
