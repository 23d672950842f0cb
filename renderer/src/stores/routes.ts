/** The app's routes in the URL hash, read and written without touching the window (so they are testable). */
import { isPageId, type PageId } from '../shell/pages.ts';

export interface ObjectRoute {
  id: string;
  /** The tab shown; null for the default (Overview). */
  tab: string | null;
}

export interface Route {
  page: PageId;
  object: ObjectRoute | null;
}

function segments(hash: string): string[] {
  return hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? [];
}

function decode(part: string | undefined): string {
  if (!part) return '';
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}

export function routeFromHash(hash: string, previous: PageId = 'dashboard'): Route {
  const [first = '', second, third] = segments(hash);
  if (first === 'object') {
    const id = decode(second);
    // The page behind an object stays the one it was opened from, for the navigation's highlight.
    if (id) return { page: previous, object: { id, tab: decode(third) || null } };
  }
  return { page: isPageId(first) ? first : 'dashboard', object: null };
}

export function objectHash(id: string, tab?: string | null): string {
  return `#/object/${encodeURIComponent(id)}${tab ? `/${encodeURIComponent(tab)}` : ''}`;
}
