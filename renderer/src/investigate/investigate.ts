/**
 * "Investigate" from anywhere in the app: a new, unsaved investigation starting from some
 * objects (a report brings its contents), then the Investigate page.
 */
import i18next from 'i18next';
import { knowledgeBase } from '../kb/client.ts';
import { containerTypes } from '../knowledge/stixTypes.ts';
import { useRouteStore } from '../stores/routeStore.ts';
import { useInvestigationStore } from './investigationStore.ts';

/** Containers open with what they contain; relationships inside them become edges, not nodes. */
async function startingIds(ids: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const id of ids) {
    found.add(id);
    const type = id.split('--')[0] ?? '';
    if (!containerTypes.includes(type)) continue;
    const detail = await knowledgeBase().getObject({ id });
    const refs = detail?.stix['object_refs'];
    if (Array.isArray(refs)) for (const ref of refs) if (typeof ref === 'string') found.add(ref);
  }
  return [...found].filter((id) => !id.startsWith('relationship--') && !id.startsWith('sighting--'));
}

/** Investigation names are at most 200 characters (core/investigation/schema.ts); an object's name may be far longer. */
const MAX_NAME = 200;

function investigationName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return i18next.t('investigate.untitled');
  return trimmed.length <= MAX_NAME ? trimmed : `${trimmed.slice(0, MAX_NAME - 1)}…`;
}

/** Starts a new investigation; an open one with unsaved changes is only replaced if the analyst agrees. */
export async function investigate(ids: readonly string[], title: string): Promise<void> {
  const name = investigationName(title);
  const open = useInvestigationStore.getState();
  if (open.meta && open.dirty && !window.confirm(i18next.t('investigate.replaceConfirm', { name: open.meta.name }))) {
    useRouteStore.getState().navigate('investigate');
    return;
  }
  useRouteStore.getState().navigate('investigate');
  const slice = await knowledgeBase().subgraph({ ids: await startingIds(ids) });
  await useInvestigationStore.getState().start(slice, name);
}
