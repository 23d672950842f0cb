/** The TAXII publishing channels (issue 18) over main/taxiiPublish; progress goes out as `task:progress`. */
import { TaxiiError } from '../connectors/taxii/errors.ts';
import { HttpError } from '../services/http/httpError.ts';
import { TaxiiPublishError } from '../taxiiPublish/servers.ts';
import type { TaxiiPublishService } from '../taxiiPublish/service.ts';
import { HandlerError, type Handlers } from './dispatcher.ts';
import type { Emit } from './events.ts';

type TaxiiPublishChannel = Extract<keyof Handlers, `taxii-publish:${string}`>;

/** A server's refusal or an unreachable server is the analyst's to fix: its message is shown as worded. */
async function shown<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof TaxiiPublishError || error instanceof TaxiiError || error instanceof HttpError) throw new HandlerError(error.message);
    throw error;
  }
}

export function createTaxiiPublishHandlers(publishing: TaxiiPublishService, emit: Emit): Pick<Handlers, TaxiiPublishChannel> {
  return {
    'taxii-publish:servers': async () => ({ servers: await publishing.servers(), secretsPersistent: publishing.secretsPersistent() }),
    'taxii-publish:save-server': (input) => shown(() => publishing.saveServer(input)),
    'taxii-publish:remove-server': ({ id }) =>
      shown(async () => {
        await publishing.removeServer(id);
        return { removed: true };
      }),
    'taxii-publish:collections': ({ serverId }) => shown(() => publishing.collections(serverId)),
    'taxii-publish:publish': ({ taskId, ...request }) =>
      shown(() => publishing.publish(request, (progress) => emit('task:progress', { taskId, phase: progress.phase, done: progress.done, total: progress.total }))),
  };
}
