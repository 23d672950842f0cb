/**
 * Which page is shown, kept in the URL hash (`#/reports`) so back/forward and reloads
 * work without a navigation that main would block.
 */
import { create } from 'zustand';
import { isPageId, type PageId } from '../shell/pages.ts';

function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isPageId(id) ? id : 'dashboard';
}

interface RouteState {
  page: PageId;
  navigate: (page: PageId) => void;
}

export const useRouteStore = create<RouteState>()((set) => ({
  page: pageFromHash(window.location.hash),
  navigate(page) {
    if (window.location.hash !== `#/${page}`) window.location.hash = `/${page}`;
    set({ page });
  },
}));

export function followLocationHash(): () => void {
  const onChange = () => useRouteStore.setState({ page: pageFromHash(window.location.hash) });
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
