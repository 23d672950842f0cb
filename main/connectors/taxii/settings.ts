/**
 * The TAXII 2.1 connector's settings, after OpenCTI's `taxii2` connector (TAXII2_DISCOVERY_URL,
 * TAXII2_USERNAME / TAXII2_PASSWORD, TAXII2_COLLECTIONS, TAXII2_INITIAL_HISTORY) with bearer
 * tokens added, which OpenCTI's own TAXII server accepts.
 */
import { z } from 'zod';
import type { HttpRequestOptions } from '../types.ts';

/** A day or a full RFC 3339 UTC timestamp, or empty (the form's blank field). */
const START = /^(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z)?)?$/;

export const configSchema = z.object({
  discoveryUrl: z.url({ protocol: /^https?$/ }).meta({
    title: 'Discovery or API root URL',
    description: "The server's TAXII 2.1 discovery URL (OpenCTI: https://host/taxii2/), or one API root's URL.",
    widget: 'url',
  }),
  apiRoot: z.string().trim().optional().meta({
    title: 'API root',
    description: "Which of the discovery's API roots to read: its URL or last path segment. Empty: the server's default one.",
  }),
  collections: z.array(z.string().trim().min(1)).default([]).meta({
    title: 'Collections',
    description: 'Collection ids or titles to import. Empty: every collection this account can read.',
    widget: 'list',
  }),
  username: z.string().optional().meta({
    title: 'User name',
    description: 'For HTTP basic authentication (OpenCTI: the user\'s e-mail address).',
  }),
  password: z.string().optional().meta({ title: 'Password', secret: true }),
  token: z.string().optional().meta({
    title: 'API token',
    description: 'Sent as a bearer token (OpenCTI: the API key in the user\'s profile). Used instead of the user name and password when both are set.',
    secret: true,
  }),
  pageSize: z.number().int().min(1).max(10_000).default(1000).meta({
    title: 'Page size',
    description: 'Objects asked for per request; the server may send fewer.',
  }),
  addedAfter: z.string().regex(START, 'expected a date such as 2024-01-31').optional().meta({
    title: 'Import from',
    description: 'The first run imports only objects added to the collections after this day. Empty: everything.',
    widget: 'date',
  }),
});

export type TaxiiConfig = z.infer<typeof configSchema>;

/** Bearer when a token is set, basic when a user name is, none otherwise. */
export function authOf(config: Pick<TaxiiConfig, 'username' | 'password' | 'token'>): HttpRequestOptions['auth'] {
  if (config.token !== undefined && config.token !== '') return { type: 'bearer', token: config.token };
  if (config.username !== undefined && config.username !== '') return { type: 'basic', username: config.username, password: config.password ?? '' };
  return undefined;
}

/** The first run's `added_after`: the configured day at midnight UTC, or none. */
export function firstAddedAfter(addedAfter: string | undefined): string | undefined {
  if (addedAfter === undefined || addedAfter === '') return undefined;
  return addedAfter.includes('T') ? addedAfter : `${addedAfter}T00:00:00.000Z`;
}
