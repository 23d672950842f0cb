/** The product's pages, in navigation order, with their group and icon. */
import {
  IconAffiliate,
  IconBook2,
  IconBroadcast,
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
  'streams',
  'export',
  'settings',
] as const;

export type PageId = (typeof pageIds)[number];
export type NavGroup = 'overview' | 'knowledge' | 'analysis' | 'data';

export interface PageEntry {
  id: PageId;
  group: NavGroup | null;
  icon: Icon;
}

export const pages: readonly PageEntry[] = [
  { id: 'dashboard', group: 'overview', icon: IconLayoutDashboard },
  { id: 'knowledge', group: 'knowledge', icon: IconBook2 },
  { id: 'observables', group: 'knowledge', icon: IconFingerprint },
  { id: 'reports', group: 'knowledge', icon: IconFileText },
  { id: 'investigate', group: 'analysis', icon: IconAffiliate },
  { id: 'import', group: 'data', icon: IconDatabaseImport },
  { id: 'connectors', group: 'data', icon: IconPlugConnected },
  { id: 'streams', group: 'data', icon: IconBroadcast },
  { id: 'export', group: 'data', icon: IconFileExport },
  { id: 'settings', group: null, icon: IconSettings },
];

export function isPageId(value: string): value is PageId {
  return (pageIds as readonly string[]).includes(value);
}
