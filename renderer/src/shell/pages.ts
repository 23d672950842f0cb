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
  IconListSearch,
  IconPlugConnected,
  IconSettings,
  IconTrash,
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
  'lookup',
  'trash',
] as const;

export type PageId = (typeof pageIds)[number];
export type NavGroup = 'overview' | 'knowledge' | 'analysis' | 'data';

export interface PageEntry {
  id: PageId;
  group: NavGroup | null;
  icon: Icon;
  /** A page reached from anywhere by its own shortcut (Mantine's useHotkeys notation) instead of Alt+its place. */
  hotkey?: string;
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
  // Issue 21, point 1: the analyst's most frequent question, one shortcut away. Last, so
  // Alt+1…10 keep their pages; the navigation still lists it under Analysis.
  { id: 'lookup', group: 'analysis', icon: IconListSearch, hotkey: 'mod+shift+L' },
  // Issue 21, point 5: what was deleted, restorable. Past Alt+10, so no shortcut of its own.
  { id: 'trash', group: 'data', icon: IconTrash },
];

/** The Alt+number a page is reached by: the first ten in order, one key each. */
export function altShortcut(index: number): number | null {
  return index < 10 ? index + 1 : null;
}

export function isPageId(value: string): value is PageId {
  return (pageIds as readonly string[]).includes(value);
}
