/**
 * Connector state follows the knowledge base (issue 14). A cursor and HTTP validators say
 * "these objects are already in the store"; that is only true of the store they were
 * delivered to. So the state records that store's identity (renderer/src/kb/storeIdentity.ts)
 * and an epoch that every reset increases:
 * - when main learns that the knowledge base has another identity (emptied, restored,
 *   replaced), the state is reset and the next run fetches everything again;
 * - a run's cursor is committed only if no reset happened since the run started, so a run
 *   in flight while the store was emptied can never leave a cursor for objects the new
 *   store does not hold (its batches still go into the new store; the next run refills the rest).
 */
import type { ConnectorState, StateReset, StateStore } from './stateStore.ts';
import type { RunMarker } from './inbox.ts';
import { commitValidators } from '../../services/http/validators.ts';

export type ResetReason = StateReset['reason'];

/** The state with nothing delivered: no cursor, no validators, a new epoch. */
export function resetState(state: ConnectorState, reason: ResetReason, at: string, storeIdentity: string | null): ConnectorState {
  return { ...state, cursor: {}, validators: {}, stateEpoch: state.stateEpoch + 1, storeIdentity, reset: { at, reason } };
}

const isEmpty = (state: ConnectorState): boolean => Object.keys(state.cursor).length === 0 && Object.keys(state.validators).length === 0;

/**
 * The state once main learns the knowledge base's identity; `holdsObjects`: whether the
 * store holds any object from this connector's source.
 *
 * State written before identities existed has none recorded. It is adopted only when the
 * store holds objects from the connector: a profile whose knowledge base was lost while
 * its connector state survived (the harness's throw-away browser profiles) holds none, and
 * keeping its validators would answer "unchanged" into an empty store forever.
 */
export function followStore(state: ConnectorState, identity: string, holdsObjects: boolean, at: string): ConnectorState {
  if (state.storeIdentity === identity) return state;
  if (state.storeIdentity === null && (isEmpty(state) || holdsObjects)) return { ...state, storeIdentity: identity };
  // Nothing delivered to forget, so nothing to tell the analyst; the epoch still moves, so a
  // first run in flight (half of it delivered to the store that is gone) keeps no cursor.
  if (isEmpty(state)) return { ...state, storeIdentity: identity, stateEpoch: state.stateEpoch + 1 };
  return resetState(state, 'store-changed', at, identity);
}

/**
 * A delivered run's cursor and validators become the connector's, unless a reset happened
 * since the run started (its cursor may speak of a store that is gone) or a newer run
 * already committed. `identity`: the store main knows now, which received the batches.
 */
export function commitRun(state: ConnectorState, marker: RunMarker, cursor: Record<string, unknown>, at: string, identity: string | null): ConnectorState {
  if ((marker.stateEpoch ?? 0) !== state.stateEpoch) return state;
  const newer = state.lastSuccess !== null && state.lastSuccess.runId > marker.runId;
  if (newer) return state;
  return {
    ...state,
    cursor,
    validators: commitValidators(state.validators, marker.validators),
    lastSuccess: { runId: marker.runId, at, summary: marker.summary, counts: marker.delivered },
    storeIdentity: identity ?? state.storeIdentity,
    reset: null,
  };
}

export interface StoreFollower {
  /** The knowledge base the renderer last said is open; null until it says. */
  identity: () => string | null;
  /** Learns the store's identity; resets the connectors whose state belongs to another store and returns those that had any. */
  follow: (identity: string, holding: readonly string[]) => Promise<{ reset: string[] }>;
  reset: (id: string, reason: ResetReason) => Promise<void>;
}

export interface StoreFollowerOptions {
  states: StateStore;
  connectors: readonly { id: string; name: string }[];
  now: () => Date;
  onReset: (id: string) => void;
  log: { warn: (message: string) => void };
}

export function createStoreFollower({ states, connectors, now, onReset, log }: StoreFollowerOptions): StoreFollower {
  let known: string | null = null;
  return {
    identity: () => known,
    follow: async (identity, holding) => {
      known = identity;
      const reset: string[] = [];
      for (const connector of connectors) {
        const forgot = new Set<string>();
        await states.update(connector.id, (state) => {
          const next = followStore(state, identity, holding.includes(connector.id), now().toISOString());
          if (!isEmpty(state) && isEmpty(next)) forgot.add(connector.id);
          return next;
        });
        if (!forgot.has(connector.id)) continue;
        reset.push(connector.id);
        log.warn(`The knowledge base changed: ${connector.name} will import everything again on its next run.`);
        onReset(connector.id);
      }
      return { reset };
    },
    reset: async (id, reason) => {
      await states.update(id, (state) => resetState(state, reason, now().toISOString(), known ?? state.storeIdentity));
      onReset(id);
    },
  };
}
