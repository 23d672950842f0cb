/** The stream-consumer channels (issue 8), over the service in main/streams. */
import { StreamServiceError, type StreamService } from '../streams/service.ts';
import { HandlerError, type Handlers } from './dispatcher.ts';

type StreamChannel = Extract<keyof Handlers, `stream:${string}`>;

/** A refusal (bad settings, unknown consumer) reaches the analyst as it is worded. */
async function refusalsShown<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof StreamServiceError) throw new HandlerError(error.message);
    throw error;
  }
}

export function createStreamHandlers(streams: StreamService): Pick<Handlers, StreamChannel> {
  return {
    'stream:list': () => streams.list(),
    'stream:create': ({ consumer, startFrom, head }) => refusalsShown(() => streams.create({ ...consumer, startFrom }, head)),
    'stream:update': ({ id, consumer }) => refusalsShown(() => streams.update(id, consumer)),
    'stream:set-enabled': ({ id, enabled }) => refusalsShown(() => streams.setEnabled(id, enabled)),
    'stream:remove': ({ id }) =>
      refusalsShown(async () => {
        await streams.remove(id);
        return { removed: true };
      }),
    'stream:ready': ({ head }) => streams.ready(head),
    'stream:deliver': ({ id, page }) => refusalsShown(() => streams.deliver(id, page)),
    'stream:dead-letters': ({ id }) => refusalsShown(() => streams.deadLetters(id)),
    'stream:retry-dead-letters': ({ id }) => refusalsShown(() => streams.retryDeadLetters(id)),
    'stream:discard-dead-letters': ({ id }) =>
      refusalsShown(async () => {
        await streams.discardDeadLetters(id);
        return { discarded: true };
      }),
  };
}
