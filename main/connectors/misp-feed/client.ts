/**
 * Downloads from a MISP feed: its manifest (conditionally, so an unchanged feed costs one
 * 304) and one event file at a time. Static hosts serve these as application/json,
 * text/plain or octet-stream alike, so the media type is not checked; the JSON is.
 */
import { HttpError } from '../../services/http/httpError.ts';
import type { HttpClient } from '../types.ts';
import { MispFeedError } from './errors.ts';
import { readManifest, type Manifest } from './manifest.ts';

/** The CIRCL OSINT manifest is a few MB; the largest OSINT events reach tens of MB. */
const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;
const EVENT_MAX_BYTES = 128 * 1024 * 1024;

export interface FeedClient {
  readonly manifestUrl: string;
  /** The manifest, or `undefined` when it has not changed since the last successful run. */
  manifest: () => Promise<Manifest | undefined>;
  eventUrl: (uuid: string) => string;
  event: (uuid: string) => Promise<unknown>;
}

export function createFeedClient(http: HttpClient, feedUrl: string): FeedClient {
  const manifestUrl = `${feedUrl}/manifest.json`;
  const eventUrl = (uuid: string): string => `${feedUrl}/${uuid}.json`;
  return {
    manifestUrl,
    eventUrl,
    manifest: async () => {
      const response = await http.get(manifestUrl, { conditional: true, maxBytes: MANIFEST_MAX_BYTES });
      if (response.notModified) return undefined;
      let json: unknown;
      try {
        json = response.json();
      } catch (error: unknown) {
        if (error instanceof HttpError && error.code === 'invalid-json') {
          throw new MispFeedError('bad-manifest', `${manifestUrl} is not JSON, so it is not a MISP feed manifest. Check the feed URL.`);
        }
        throw error;
      }
      return readManifest(json, manifestUrl);
    },
    event: async (uuid) => (await http.get(eventUrl(uuid), { maxBytes: EVENT_MAX_BYTES })).json(),
  };
}
