/**
 * A seeded STIX-shaped graph for `npm run bench:graph`: N nodes and exactly 2N labelled
 * edges, shaped like what an analyst opens in the workbench — a few hubs (reports that
 * contain hundreds of objects, intrusion sets and malware that many indicators point at)
 * and a long tail of observables with one or two edges each.
 *
 * Positions are precomputed here (each report's members on a sunflower spiral around the
 * report, the reports themselves on a larger spiral), so the first-render figure measures
 * drawing, not a layout; the layouts are measured on their own.
 */
import { seededRandom } from '../../testkit/seededRandom.ts';

export type StixNodeType =
  | 'report'
  | 'intrusion-set'
  | 'campaign'
  | 'malware'
  | 'attack-pattern'
  | 'vulnerability'
  | 'indicator'
  | 'ipv4-addr'
  | 'domain-name'
  | 'url'
  | 'file';

export interface GraphNode {
  group: 'nodes';
  data: { id: string; type: StixNodeType; label: string };
  position: { x: number; y: number };
}

export interface GraphEdge {
  group: 'edges';
  data: { id: string; source: string; target: string; label: string };
}

export interface GeneratedGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Nodes per type, to print beside the figures. */
  counts: Partial<Record<StixNodeType, number>>;
  /** Degree of the busiest node: how big the biggest hub is. */
  maxDegree: number;
}

/** Share of the nodes per type (observables take the rest). */
const SHARES: readonly [StixNodeType, number, number][] = [
  // type, share of N, minimum count
  ['report', 0.004, 3],
  ['intrusion-set', 0.002, 2],
  ['campaign', 0.002, 2],
  ['malware', 0.01, 4],
  ['attack-pattern', 0.02, 10],
  ['vulnerability', 0.005, 3],
  ['indicator', 0.2, 1],
];
const OBSERVABLES: readonly StixNodeType[] = ['ipv4-addr', 'domain-name', 'url', 'file'];

const WORDS = ['secure', 'login', 'update', 'account', 'cloud', 'verify', 'bank', 'mail', 'support', 'portal', 'auth', 'drive', 'share', 'docs', 'cdn', 'static', 'api', 'wallet', 'invoice', 'billing', 'parcel', 'refund', 'sync', 'storage', 'media'];
const TLDS = ['com', 'net', 'org', 'info', 'ru', 'top', 'xyz', 'online', 'site', 'io'];
const NAMES = ['Panda', 'Bear', 'Kitten', 'Spider', 'Typhoon', 'Blizzard', 'Sleet', 'Tempest', 'Sandstorm', 'Hail', 'Lynx', 'Owl'];
const RELATIONS: readonly string[] = ['related-to', 'uses', 'targets', 'communicates-with', 'drops', 'exploits'];

export function generateGraph(nodeCount: number, seed = 0x6772_6170): GeneratedGraph {
  const random = seededRandom(seed);
  const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const hex = (length: number): string => Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
  // Squaring a uniform draw makes low indexes far more likely: a few members become hubs.
  const skewed = <T>(list: readonly T[]): T => list[Math.floor(random() ** 2.5 * list.length)] as T;

  const byType = new Map<StixNodeType, GraphNode[]>();
  const nodes: GraphNode[] = [];
  const add = (type: StixNodeType, label: string): GraphNode => {
    const node: GraphNode = { group: 'nodes', data: { id: `${type}--${nodes.length}`, type, label }, position: { x: 0, y: 0 } };
    nodes.push(node);
    const list = byType.get(type) ?? [];
    list.push(node);
    byType.set(type, list);
    return node;
  };
  const labelFor = (type: StixNodeType, index: number): string => {
    switch (type) {
      case 'report':
        return `Report ${index + 1}: ${pick(NAMES)} ${pick(WORDS)} activity`;
      case 'intrusion-set':
        return index % 2 ? `APT${index + 1}` : `${pick(NAMES)} ${pick(NAMES)}`;
      case 'campaign':
        return `Operation ${pick(NAMES)}${pick(NAMES)}`;
      case 'malware':
        return `${pick(WORDS)}${pick(NAMES).toLowerCase()}`;
      case 'attack-pattern':
        return `T${1000 + int(0, 599)}.${String(int(1, 9)).padStart(3, '0')}`;
      case 'vulnerability':
        return `CVE-20${int(14, 25)}-${int(1000, 49999)}`;
      case 'ipv4-addr':
      case 'indicator':
        return `${int(5, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;
      case 'domain-name':
        return `${pick(WORDS)}-${pick(WORDS)}${int(1, 99)}.${pick(TLDS)}`;
      case 'url':
        return `https://${pick(WORDS)}.${pick(TLDS)}/${pick(WORDS)}.php`;
      case 'file':
        return `${hex(12)}…`;
    }
  };

  let placed = 0;
  for (const [type, share, minimum] of SHARES) {
    const count = Math.max(minimum, Math.round(nodeCount * share));
    for (let index = 0; index < count; index += 1) add(type, labelFor(type, index));
    placed += count;
  }
  for (let index = 0; placed < nodeCount; index += 1, placed += 1) {
    const type = OBSERVABLES[index % OBSERVABLES.length] as StixNodeType;
    add(type, labelFor(type, index));
  }

  const of = (type: StixNodeType): GraphNode[] => byType.get(type) ?? [];
  const edges: GraphEdge[] = [];
  const degree = new Map<string, number>();
  const link = (source: GraphNode, target: GraphNode, label: string): void => {
    if (source === target || edges.length >= 2 * nodeCount) return;
    edges.push({ group: 'edges', data: { id: `relationship--${edges.length}`, source: source.data.id, target: target.data.id, label } });
    degree.set(source.data.id, (degree.get(source.data.id) ?? 0) + 1);
    degree.set(target.data.id, (degree.get(target.data.id) ?? 0) + 1);
  };

  // Containment: every object is in one report (a report's object_refs, drawn as edges).
  const reports = of('report');
  const members = new Map<GraphNode, GraphNode[]>(reports.map((report) => [report, []]));
  for (const node of nodes) {
    if (node.data.type === 'report') continue;
    const report = skewed(reports);
    members.get(report)?.push(node);
    link(report, node, 'object');
  }
  const threats = [...of('intrusion-set'), ...of('malware')];
  const observables = OBSERVABLES.flatMap(of);
  for (const indicator of of('indicator')) {
    link(indicator, skewed(threats), 'indicates');
    link(indicator, pick(observables), 'based-on');
  }
  for (const campaign of of('campaign')) link(campaign, skewed(of('intrusion-set')), 'attributed-to');
  const ips = of('ipv4-addr');
  for (const domain of of('domain-name')) link(domain, pick(ips), 'resolves-to');
  // The rest: SDO–SDO and observable–observable relationships, drawn towards the hubs.
  const sdos = [...of('intrusion-set'), ...of('campaign'), ...of('malware'), ...of('attack-pattern'), ...of('vulnerability')];
  while (edges.length < 2 * nodeCount) {
    if (random() < 0.3) link(skewed(sdos), pick(sdos), pick(RELATIONS));
    else link(pick(observables), random() < 0.5 ? pick(observables) : skewed(threats), pick(RELATIONS));
  }

  placeByReport(reports, members);
  const counts: Partial<Record<StixNodeType, number>> = {};
  for (const [type, list] of byType) counts[type] = list.length;
  return { nodes, edges, counts, maxDegree: Math.max(...degree.values()) };
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const SPACING = 40;

/** Each report's members on a sunflower around it; the report clusters on a larger sunflower. */
function placeByReport(reports: GraphNode[], members: Map<GraphNode, GraphNode[]>): void {
  const largest = Math.max(...[...members.values()].map((list) => list.length));
  const clusterRadius = SPACING * Math.sqrt(largest / 4 + 1);
  reports.forEach((report, index) => {
    const radius = clusterRadius * Math.sqrt(index);
    const centre = { x: radius * Math.cos(index * GOLDEN_ANGLE), y: radius * Math.sin(index * GOLDEN_ANGLE) };
    report.position = centre;
    (members.get(report) ?? []).forEach((node, rank) => {
      const r = SPACING * Math.sqrt(rank + 1);
      node.position = { x: centre.x + r * Math.cos(rank * GOLDEN_ANGLE), y: centre.y + r * Math.sin(rank * GOLDEN_ANGLE) };
    });
  });
}
