/**
 * How each STIX type looks in the UI: its group, icon and colour. SDOs, SCOs, containers
 * and relationships are told apart at a glance; unknown custom types fall back to a
 * neutral look and show their raw type name.
 */
import {
  IconAlertTriangle,
  IconApps,
  IconAt,
  IconBiohazard,
  IconBug,
  IconBuilding,
  IconCertificate,
  IconDeviceDesktop,
  IconFile,
  IconFileText,
  IconFingerprint,
  IconFlag,
  IconFolder,
  IconFolders,
  IconHierarchy2,
  IconKey,
  IconLink,
  IconLock,
  IconMail,
  IconMapPin,
  IconMessage,
  IconMicroscope,
  IconNetwork,
  IconNote,
  IconPackage,
  IconRoute,
  IconServer,
  IconShieldCheck,
  IconSitemap,
  IconSkull,
  IconSword,
  IconTags,
  IconTarget,
  IconTerminal2,
  IconTool,
  IconTopologyStar3,
  IconUser,
  IconUsersGroup,
  IconWorld,
  IconWorldWww,
  type Icon,
} from '@tabler/icons-react';

export type TypeGroup = 'threats' | 'techniques' | 'containers' | 'defence' | 'context' | 'observables' | 'relationships' | 'meta';

export interface TypeLook {
  group: TypeGroup;
  icon: Icon;
  color: string;
}

const looks: Record<string, TypeLook> = {
  'threat-actor': { group: 'threats', icon: IconSkull, color: 'red' },
  'intrusion-set': { group: 'threats', icon: IconUsersGroup, color: 'red' },
  campaign: { group: 'threats', icon: IconFlag, color: 'orange' },
  malware: { group: 'threats', icon: IconBiohazard, color: 'grape' },
  tool: { group: 'threats', icon: IconTool, color: 'violet' },
  incident: { group: 'threats', icon: IconAlertTriangle, color: 'orange' },
  'attack-pattern': { group: 'techniques', icon: IconSword, color: 'pink' },
  vulnerability: { group: 'techniques', icon: IconBug, color: 'yellow' },
  indicator: { group: 'techniques', icon: IconTarget, color: 'cyan' },
  infrastructure: { group: 'techniques', icon: IconServer, color: 'indigo' },
  'malware-analysis': { group: 'techniques', icon: IconMicroscope, color: 'grape' },
  report: { group: 'containers', icon: IconFileText, color: 'blue' },
  grouping: { group: 'containers', icon: IconFolders, color: 'blue' },
  note: { group: 'containers', icon: IconNote, color: 'gray' },
  opinion: { group: 'containers', icon: IconMessage, color: 'gray' },
  'observed-data': { group: 'containers', icon: IconFingerprint, color: 'teal' },
  'course-of-action': { group: 'defence', icon: IconShieldCheck, color: 'green' },
  identity: { group: 'context', icon: IconBuilding, color: 'gray' },
  location: { group: 'context', icon: IconMapPin, color: 'lime' },
  'ipv4-addr': { group: 'observables', icon: IconNetwork, color: 'teal' },
  'ipv6-addr': { group: 'observables', icon: IconTopologyStar3, color: 'teal' },
  'domain-name': { group: 'observables', icon: IconWorld, color: 'teal' },
  url: { group: 'observables', icon: IconWorldWww, color: 'teal' },
  'email-addr': { group: 'observables', icon: IconAt, color: 'teal' },
  'email-message': { group: 'observables', icon: IconMail, color: 'teal' },
  file: { group: 'observables', icon: IconFile, color: 'teal' },
  artifact: { group: 'observables', icon: IconPackage, color: 'teal' },
  directory: { group: 'observables', icon: IconFolder, color: 'teal' },
  'autonomous-system': { group: 'observables', icon: IconSitemap, color: 'teal' },
  'mac-addr': { group: 'observables', icon: IconDeviceDesktop, color: 'teal' },
  mutex: { group: 'observables', icon: IconLock, color: 'teal' },
  'network-traffic': { group: 'observables', icon: IconRoute, color: 'teal' },
  process: { group: 'observables', icon: IconTerminal2, color: 'teal' },
  software: { group: 'observables', icon: IconApps, color: 'teal' },
  'user-account': { group: 'observables', icon: IconUser, color: 'teal' },
  'windows-registry-key': { group: 'observables', icon: IconKey, color: 'teal' },
  'x509-certificate': { group: 'observables', icon: IconCertificate, color: 'teal' },
  relationship: { group: 'relationships', icon: IconLink, color: 'gray' },
  sighting: { group: 'relationships', icon: IconHierarchy2, color: 'gray' },
  'marking-definition': { group: 'meta', icon: IconTags, color: 'gray' },
};

const custom: TypeLook = { group: 'context', icon: IconTags, color: 'gray' };

export function typeLook(type: string): TypeLook {
  return looks[type] ?? custom;
}

/** Custom object types (x-mitre-tactic, x-opencti-…): listed with the knowledge, by their raw name. */
export function isCustomObjectType(type: string): boolean {
  return !Object.hasOwn(looks, type) && type !== 'language-content' && type !== 'extension-definition';
}

/** The types each page lists, in the order of its type menu. */
export const knowledgeTypes = Object.keys(looks).filter((type) => ['threats', 'techniques', 'defence', 'context'].includes(looks[type]?.group ?? ''));
export const observableTypes = Object.keys(looks).filter((type) => looks[type]?.group === 'observables');
export const containerTypes = ['report', 'grouping', 'note', 'opinion', 'observed-data'];
