/**
 * The TypeScript types of every STIX 2.1 object, derived from the property tables so the
 * types and the validator describe the same thing. Each allows custom properties beside
 * the spec's; code must narrow those before use.
 */
import type { StixObjectOf } from './define.ts';
import type * as meta from './meta.ts';
import type * as sco from './scos.ts';
import type * as sdo from './sdos.ts';
import type * as sro from './sros.ts';

export type AttackPattern = StixObjectOf<typeof sdo.attackPattern>;
export type Campaign = StixObjectOf<typeof sdo.campaign>;
export type CourseOfAction = StixObjectOf<typeof sdo.courseOfAction>;
export type Grouping = StixObjectOf<typeof sdo.grouping>;
export type Identity = StixObjectOf<typeof sdo.identity>;
export type Incident = StixObjectOf<typeof sdo.incident>;
export type Indicator = StixObjectOf<typeof sdo.indicator>;
export type Infrastructure = StixObjectOf<typeof sdo.infrastructure>;
export type IntrusionSet = StixObjectOf<typeof sdo.intrusionSet>;
export type Location = StixObjectOf<typeof sdo.location>;
export type Malware = StixObjectOf<typeof sdo.malware>;
export type MalwareAnalysis = StixObjectOf<typeof sdo.malwareAnalysis>;
export type Note = StixObjectOf<typeof sdo.note>;
export type ObservedData = StixObjectOf<typeof sdo.observedData>;
export type Opinion = StixObjectOf<typeof sdo.opinion>;
export type Report = StixObjectOf<typeof sdo.report>;
export type ThreatActor = StixObjectOf<typeof sdo.threatActor>;
export type Tool = StixObjectOf<typeof sdo.tool>;
export type Vulnerability = StixObjectOf<typeof sdo.vulnerability>;

export type Relationship = StixObjectOf<typeof sro.relationship>;
export type Sighting = StixObjectOf<typeof sro.sighting>;

export type Artifact = StixObjectOf<typeof sco.artifact>;
export type AutonomousSystem = StixObjectOf<typeof sco.autonomousSystem>;
export type Directory = StixObjectOf<typeof sco.directory>;
export type DomainName = StixObjectOf<typeof sco.domainName>;
export type EmailAddr = StixObjectOf<typeof sco.emailAddr>;
export type EmailMessage = StixObjectOf<typeof sco.emailMessage>;
export type File = StixObjectOf<typeof sco.file>;
export type Ipv4Addr = StixObjectOf<typeof sco.ipv4Addr>;
export type Ipv6Addr = StixObjectOf<typeof sco.ipv6Addr>;
export type MacAddr = StixObjectOf<typeof sco.macAddr>;
export type Mutex = StixObjectOf<typeof sco.mutex>;
export type NetworkTraffic = StixObjectOf<typeof sco.networkTraffic>;
export type Process = StixObjectOf<typeof sco.processSco>;
export type Software = StixObjectOf<typeof sco.software>;
export type Url = StixObjectOf<typeof sco.url>;
export type UserAccount = StixObjectOf<typeof sco.userAccount>;
export type WindowsRegistryKey = StixObjectOf<typeof sco.windowsRegistryKey>;
export type X509Certificate = StixObjectOf<typeof sco.x509Certificate>;

export type MarkingDefinition = StixObjectOf<typeof meta.markingDefinition>;
export type LanguageContent = StixObjectOf<typeof meta.languageContent>;
export type ExtensionDefinition = StixObjectOf<typeof meta.extensionDefinition>;

export type Sdo =
  | AttackPattern | Campaign | CourseOfAction | Grouping | Identity | Incident | Indicator | Infrastructure
  | IntrusionSet | Location | Malware | MalwareAnalysis | Note | ObservedData | Opinion | Report | ThreatActor
  | Tool | Vulnerability;
export type Sro = Relationship | Sighting;
export type Sco =
  | Artifact | AutonomousSystem | Directory | DomainName | EmailAddr | EmailMessage | File | Ipv4Addr | Ipv6Addr
  | MacAddr | Mutex | NetworkTraffic | Process | Software | Url | UserAccount | WindowsRegistryKey | X509Certificate;
export type MetaObject = MarkingDefinition | LanguageContent | ExtensionDefinition;

/** An object of a type the spec does not define (§11.2), passed through as it came. */
export interface CustomObject {
  type: string;
  id: string;
  [property: string]: unknown;
}

export type StixObject = Sdo | Sro | Sco | MetaObject | CustomObject;

/** §8 bundle: a transport envelope, not itself a STIX object. */
export interface Bundle {
  type: 'bundle';
  id: string;
  objects?: StixObject[];
  [property: string]: unknown;
}
