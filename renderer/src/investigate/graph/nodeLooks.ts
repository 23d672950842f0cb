/**
 * How a node reads on the graph: a colour per STIX type, a shape per kind of object (SDOs
 * round, observables square, containers hexagonal) so the three are told apart even when
 * zoomed out past the icons, and the TLP colour on the border.
 */
import type { TlpLevel } from '../../../../core/stix/markings.ts';
import { typeLook } from '../../knowledge/stixTypes.ts';

export type NodeShape = 'ellipse' | 'round-rectangle' | 'round-hexagon';

/** One colour per type: hues grouped by family, spread within it. */
const palette: Readonly<Record<string, string>> = {
  'threat-actor': '#c92a2a',
  'intrusion-set': '#e03131',
  campaign: '#e8590c',
  malware: '#9c36b5',
  tool: '#7048e8',
  incident: '#f76707',
  'attack-pattern': '#d6336c',
  vulnerability: '#f08c00',
  indicator: '#1098ad',
  infrastructure: '#4263eb',
  'malware-analysis': '#ae3ec9',
  report: '#1971c2',
  grouping: '#1864ab',
  note: '#868e96',
  opinion: '#5c7cfa',
  'observed-data': '#0c8599',
  'course-of-action': '#2f9e44',
  identity: '#495057',
  location: '#66a80f',
  'ipv4-addr': '#099268',
  'ipv6-addr': '#0ca678',
  'domain-name': '#12b886',
  url: '#20c997',
  'email-addr': '#3bc9db',
  'email-message': '#22b8cf',
  file: '#087f5b',
  artifact: '#2b8a3e',
  directory: '#37b24d',
  'autonomous-system': '#0b7285',
  'mac-addr': '#5c940d',
  mutex: '#74b816',
  'network-traffic': '#15aabf',
  process: '#40c057',
  software: '#82c91e',
  'user-account': '#1c7ed6',
  'windows-registry-key': '#94d82d',
  'x509-certificate': '#96f2d7',
};

const CUSTOM_COLOUR = '#adb5bd';

export function nodeColour(type: string): string {
  return palette[type] ?? CUSTOM_COLOUR;
}

export function nodeShape(type: string): NodeShape {
  const group = typeLook(type).group;
  if (group === 'observables') return 'round-rectangle';
  if (group === 'containers') return 'round-hexagon';
  return 'ellipse';
}

/** FIRST's TLP 2.0 colours, as on the badges; CLEAR needs a visible edge on a light canvas. */
export const tlpBorder: Readonly<Record<TlpLevel, string>> = {
  clear: '#ced4da',
  green: '#33ff00',
  amber: '#ffc000',
  'amber+strict': '#ffc000',
  red: '#ff2b2b',
};

/** Every type with its own look, for the legend and the stylesheet. */
export const styledTypes: readonly string[] = Object.keys(palette);
