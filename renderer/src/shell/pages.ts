/** The product's pages, in navigation order, with their group and icon. */
import {
  IconAffiliate,
  IconBook2,
  IconDatabaseImport,
  IconFileExport,
  IconFileText,
  IconFingerprint,
  IconLayoutDashboard,
  IconPlugConnected,
  IconSettings,
  type Icon,
} from '@tabler/icons-react';

export const pageIds = [
  'dashboard',
  'knowledge',
  'observables',
  'reports',
  'investigate',
  'import',
  'connectors',
  'export',
  'settings',
] as const;

export type PageId = (typeof pageIds)[number];
export type NavGroup = 'overview' | 'knowledge' | 'analysis' | 'data';
export type Milestone = 'knowledgeBase' | 'connectors' | 'investigate' | 'extraction' | 'exports';

export interface PageEntry {
  id: PageId;
  group: NavGroup | null;
  icon: Icon;
  /** The milestone that replaces the placeholder; null for pages that already work. */
  arrivesWith: Milestone | null;
}

export const pages: readonly PageEntry[] = [
  { id: 'dashboard', group: 'overview', icon: IconLayoutDashboard, arrivesWith: null },
  { id: 'knowledge', group: 'knowledge', icon: IconBook2, arrivesWith: null },
  { id: 'observables', group: 'knowledge', icon: IconFingerprint, arrivesWith: null },
  { id: 'reports', group: 'knowledge', icon: IconFileText, arrivesWith: null },
  { id: 'investigate', group: 'analysis', icon: IconAffiliate, arrivesWith: null },
  { id: 'import', group: 'data', icon: IconDatabaseImport, arrivesWith: null },
  { id: 'connectors', group: 'data', icon: IconPlugConnected, arrivesWith: null },
  { id: 'export', group: 'data', icon: IconFileExport, arrivesWith: null },
  { id: 'settings', group: null, icon: IconSettings, arrivesWith: null },
];

export function isPageId(value: string): value is PageId {
  return (pageIds as readonly string[]).includes(value);
}

export function pageEntry(id: PageId): PageEntry {
  const entry = pages.find((page) => page.id === id);
  if (!entry) throw new Error(`No page ${id}`);
  return entry;
}
