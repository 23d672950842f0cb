/**
 * The TAXII server's settings as main keeps them (issue 18, point 2): every change goes
 * through main, which answers the whole view back, so the card never guesses.
 * A new client's token is returned to the caller and never kept here (it is shown once).
 */
import { create } from 'zustand';
import type { RequestOf } from '../../../core/ipc/channels.ts';
import type { TaxiiServeView } from '../../../core/ipc/taxiiServeChannels.ts';
import { invoke } from '../ipc/client.ts';

type Patch = RequestOf<'taxiiServe:configure'>;
export type CollectionInput = RequestOf<'taxiiServe:save-collection'>;
export type ClientRights = RequestOf<'taxiiServe:add-client'>['rights'];
export type ServedCollectionView = TaxiiServeView['collections'][number];
export type ServerClientView = TaxiiServeView['clients'][number];

interface TaxiiServeState {
  view: TaxiiServeView | null;
  /** Why the settings could not be read (the card says so instead of showing stale ones). */
  loadError: string | null;
  load: () => Promise<void>;
  configure: (patch: Patch) => Promise<void>;
  generateCertificate: (host: string) => Promise<void>;
  saveCollection: (collection: CollectionInput) => Promise<void>;
  removeCollection: (id: string) => Promise<void>;
  /** Answers the new client's token, which main gives only this once. */
  addClient: (name: string, rights: ClientRights) => Promise<string>;
  setRights: (id: string, rights: ClientRights) => Promise<void>;
  revokeClient: (id: string) => Promise<void>;
}

export const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const useTaxiiServeStore = create<TaxiiServeState>()((set) => {
  /** Keeps the view main answered; a refusal is thrown on to the form that asked, which shows it. */
  const keep = (view: TaxiiServeView) => set({ view, loadError: null });
  return {
    view: null,
    loadError: null,
    async load() {
      try {
        set({ view: await invoke('taxiiServe:get'), loadError: null });
      } catch (error) {
        set({ loadError: message(error) });
      }
    },
    configure: async (patch) => keep(await invoke('taxiiServe:configure', patch)),
    generateCertificate: async (host) => keep(await invoke('taxiiServe:generate-certificate', { host })),
    saveCollection: async (collection) => keep(await invoke('taxiiServe:save-collection', collection)),
    removeCollection: async (id) => keep(await invoke('taxiiServe:remove-collection', { id })),
    async addClient(name, rights) {
      const { view, token } = await invoke('taxiiServe:add-client', { name, rights });
      keep(view);
      return token;
    },
    setRights: async (id, rights) => keep(await invoke('taxiiServe:set-client', { id, rights })),
    revokeClient: async (id) => keep(await invoke('taxiiServe:set-client', { id, revoke: true })),
  };
});
