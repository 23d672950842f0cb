/**
 * What VirusTotal's engines said about an object, as the figures and text of the note the
 * converter writes: the verdict counts, a detection ratio, a 0–100 score and the engines
 * that flagged it.
 */
import type { AnalysisStats, EngineResult } from './schema.ts';

export interface Verdicts {
  malicious: number;
  suspicious: number;
  undetected: number;
  harmless: number;
  /** Engines that gave a verdict; timeouts, failures and unsupported types do not count. */
  total: number;
  /** "47/65": malicious over engines that gave a verdict, as VirusTotal's GUI shows it. */
  ratio: string;
  /**
   * OpenCTI's VirusTotal connector score: malicious / (harmless + undetected + malicious),
   * as a percentage, so the same object scores the same in both tools.
   */
  score: number;
}

export function verdictsOf(stats: AnalysisStats): Verdicts {
  const { malicious, suspicious, undetected, harmless } = stats;
  const total = malicious + suspicious + undetected + harmless;
  const scored = malicious + undetected + harmless;
  return { malicious, suspicious, undetected, harmless, total, ratio: `${malicious}/${total}`, score: scored === 0 ? 0 : Math.round((malicious / scored) * 100) };
}

/** How many flagging engines the note names; the rest are counted. */
export const TOP_ENGINES = 10;

/** Engines that found the object malicious, then suspicious, each by name. */
export function flaggingEngines(results: Readonly<Record<string, EngineResult>>): string[] {
  const rank = (category: string): number => (category === 'malicious' ? 0 : 1);
  return Object.entries(results)
    .filter(([, result]) => result.category === 'malicious' || result.category === 'suspicious')
    .map(([key, result]) => ({ name: result.engine_name ?? key, category: result.category, result: result.result }))
    .sort((a, b) => rank(a.category) - rank(b.category) || a.name.localeCompare(b.name, 'en'))
    .map((engine) => `${engine.name}: ${engine.result ?? engine.category}`);
}

/** The note's text: one line per fact, then the engines that flagged the object. */
export function verdictText(verdicts: Verdicts | undefined, results: Readonly<Record<string, EngineResult>>, facts: readonly string[]): string {
  const lines = [
    ...(verdicts === undefined
      ? ['Not analysed by VirusTotal yet']
      : [
          `Detection ratio: ${verdicts.ratio} (score ${verdicts.score}/100)`,
          `Malicious: ${verdicts.malicious}, suspicious: ${verdicts.suspicious}, undetected: ${verdicts.undetected}, harmless: ${verdicts.harmless}`,
        ]),
    ...facts,
  ];
  const engines = flaggingEngines(results);
  if (engines.length > 0) {
    lines.push('', 'Flagged by:', ...engines.slice(0, TOP_ENGINES).map((engine) => `- ${engine}`));
    if (engines.length > TOP_ENGINES) lines.push(`- and ${engines.length - TOP_ENGINES} more`);
  }
  return lines.join('\n');
}
