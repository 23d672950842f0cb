/**
 * The local API's part of the IPC contract (issue 18, point 3), spread into channels.ts's
 * maps. Main asks the window's knowledge base (`kb:request`, an event) and the window
 * answers with `kb:answer`: the knowledge base lives in the window's worker, so a request
 * from a script goes main → window → worker and back.
 */
import { z } from 'zod';
import { KbAnswer, KbRequestEvent } from '../localApi/protocol.ts';

export const kbServeRequestChannels = {
  'kb:answer': { request: KbAnswer, response: z.object({ accepted: z.boolean() }).strict() },
} as const;

export const kbServeEventChannels = {
  'kb:request': KbRequestEvent,
} as const;
