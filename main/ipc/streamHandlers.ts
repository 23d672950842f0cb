/** The stream-consumer channels (issue 8), over the service in main/streams. */
import type { StreamService } from '../streams/service.ts';
import type { Handlers } from './dispatcher.ts';
import { refusalsShown } from './refusals.ts';

type StreamChannel = Extract<keyof Handlers, `stream:${string}`>;


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
    'stream:warninglists': ({ lists }) => ({ lists: streams.setWarninglists(lists) }),
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
