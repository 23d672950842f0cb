/**
 * Which page is shown, kept in the URL hash (`#/reports`) so back/forward and reloads
 * work without a navigation that main would block. An object's own page is
 * `#/object/<id>/<tab>` (issue 15): a shareable in-app route per object and tab.
 */
import { create } from 'zustand';
import type { PageId } from '../shell/pages.ts';
import { objectHash, routeFromHash, type Route } from './routes.ts';

export { objectHash, type ObjectRoute } from './routes.ts';

interface RouteState extends Route {
  navigate: (page: PageId) => void;
  /** Opens an object's page (a new history entry, so Back returns to where it was opened). */
  openObject: (id: string, tab?: string | null) => void;
  /** Switches the tab of the object's page shown now. */
  showTab: (tab: string) => void;
}

export const useRouteStore = create<RouteState>()((set, get) => ({
  ...routeFromHash(window.location.hash),
  navigate(page) {
    if (window.location.hash !== `#/${page}`) window.location.hash = `/${page}`;
    set({ page, object: null });
  },
  openObject(id, tab = null) {
    const hash = objectHash(id, tab);
    if (window.location.hash !== hash) window.location.hash = hash.slice(1);
    set({ object: { id, tab } });
  },
  showTab(tab) {
    const object = get().object;
    if (!object || object.tab === tab) return;
    const hash = objectHash(object.id, tab);
    // A tab is a place too: Back returns to the tab before it.
    if (window.location.hash !== hash) window.location.hash = hash.slice(1);
    set({ object: { id: object.id, tab } });
  },
}));

export function followLocationHash(): () => void {
  const onChange = () => useRouteStore.setState((state) => routeFromHash(window.location.hash, state.page));
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
