/**
 * Stream targets by kind: each kind's settings as a zod object whose `.meta()` drives the
 * settings form (main/connectors/types.ts FieldMeta). Fields marked `secret: true` — the
 * HMAC secret, the HEC token, a TLS client key — are stored by the runtime with safeStorage,
 * never in plain files, logs or exports. `createTarget` parses before it builds, so settings
 * read from disk or IPC are checked here too.
 */
import { z } from 'zod';
import { SYSLOG_FACILITIES, SYSLOG_SEVERITIES, type SyslogFacility, type SyslogSeverity } from '../../../core/streams/format/index.ts';
import type { FieldMeta } from '../../connectors/types.ts';
import { createSplunkHecTarget, SPLUNK_HEC_DEFAULTS } from './splunkHec.ts';
import { createSyslogTarget, SYSLOG_DEFAULTS } from './syslog.ts';
import { createTaxiiTarget } from './taxii.ts';
import { StreamTargetError, type StreamTarget } from './types.ts';
import { createWebhookTarget, WEBHOOK_DEFAULTS } from './webhook.ts';

export { StreamTargetError, type StreamTarget, type StreamTargetErrorCode } from './types.ts';

const httpUrl = (title: string, description: string) => z.url({ protocol: /^https?$/ }).meta({ title, description, widget: 'url' });
const timeoutField = (fallback: number) =>
  z.number().int().min(100).max(600_000).default(fallback).meta({ title: 'Timeout (ms)', description: 'How long one send may take before the receiver counts as unavailable.' });
const caField = () =>
  z.string().optional().meta({ title: 'CA certificate (PEM)', description: "Trust this CA instead of the system's, for a receiver with its own or a self-signed certificate.", widget: 'textarea' });
// Read by the stream service (main/streams/leaveOut.ts), not by the target itself.
const sendLeftOutField = () =>
  z.boolean().default(false).meta({
    title: 'Send revoked, expired and warninglisted indicators too',
    description:
      'Off: indicators that are revoked or expired, and values on a false-positive warninglist, are not sent unless this stream sent them before (then their revocation goes out so the receiver can drop them). On: everything the filter passes is sent.',
  });
const verifyField = () =>
  z.boolean().default(true).meta({ title: 'Verify the certificate', description: 'Leave on: turning it off lets anyone on the network read and change the stream.' });

const FACILITIES = Object.keys(SYSLOG_FACILITIES) as [SyslogFacility, ...SyslogFacility[]];
const SEVERITIES = Object.keys(SYSLOG_SEVERITIES) as [SyslogSeverity, ...SyslogSeverity[]];

export const syslogSettings = z.object({
  kind: z.literal('syslog'),
  transport: z.enum(['udp', 'tcp', 'tls', 'relp']).default('tls').meta({
    title: 'Transport',
    description:
      'RELP (rsyslog imrelp, usually port 2514) delivers each event exactly once across receiver restarts but is not encrypted; TLS (RFC 5425) and TCP (RFC 6587) resend after a restart and may repeat or, rarely, lose a few events; UDP (RFC 5426) loses what a stopped receiver misses.',
  }),
  host: z.string().min(1).meta({ title: 'Host', description: 'The syslog receiver or SIEM collector.' }),
  port: z.number().int().min(1).max(65_535).default(6514).meta({ title: 'Port', description: '6514 for TLS, 2514 for RELP, 514 for TCP and UDP by convention.' }),
  format: z.enum(['json', 'cef']).default('json').meta({ title: 'Message body', description: 'The event as JSON, or ArcSight CEF for SIEMs that parse it.' }),
  facility: z.enum(FACILITIES).default('local0').meta({ title: 'Facility' }),
  severity: z.enum(SEVERITIES).default('info').meta({ title: 'Severity' }),
  hostname: z.string().max(255).default('-').meta({ title: 'HOSTNAME field', description: 'How this machine names itself in each message; "-" leaves it empty.' }),
  appName: z.string().min(1).max(48).default('magpie').meta({ title: 'APP-NAME field' }),
  maxMessageBytes: z.number().int().min(480).max(1024 * 1024).optional().meta({
    title: 'Message size limit (bytes)',
    description: "Longer bodies are cut. 2,048 for UDP and 8,192 otherwise by default (rsyslog's maxMessageSize).",
  }),
  timeoutMs: timeoutField(SYSLOG_DEFAULTS.connectTimeoutMs),
  tlsCa: caField(),
  tlsCert: z.string().optional().meta({ title: 'Client certificate (PEM)', description: 'Only for receivers that ask for one.', widget: 'textarea' }),
  tlsKey: z.string().optional().meta({ title: 'Client key (PEM)', description: "The client certificate's private key.", widget: 'textarea', secret: true }),
  tlsVerify: verifyField(),
  sendLeftOut: sendLeftOutField(),
});

export const webhookSettings = z.object({
  kind: z.literal('webhook'),
  url: httpUrl('URL', 'Where each batch is POSTed as a JSON array.'),
  secret: z.string().optional().meta({
    title: 'Signing secret',
    description: 'Signs each body: X-Magpie-Signature is sha256= and the hex HMAC-SHA256 of the raw body with this secret.',
    secret: true,
  }),
  // Kept with the secrets: these are where receivers put their API keys.
  headers: z.record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'expected an HTTP header name'), z.string()).default({}).meta({
    title: 'Extra headers',
    description: 'Sent with every request, e.g. an API key header the receiver expects. Stored with the secrets.',
    secret: true,
  }),
  maxBatchBytes: z.number().int().min(1024).default(WEBHOOK_DEFAULTS.maxBatchBytes).meta({ title: 'Request size limit (bytes)' }),
  timeoutMs: timeoutField(WEBHOOK_DEFAULTS.timeoutMs),
  tlsCa: caField(),
  tlsVerify: verifyField(),
  sendLeftOut: sendLeftOutField(),
});

export const splunkHecSettings = z.object({
  kind: z.literal('splunk-hec'),
  url: httpUrl('HEC URL', 'The HTTP Event Collector, e.g. https://splunk.example:8088.'),
  token: z.string().min(1).meta({ title: 'HEC token', description: 'Settings → Data inputs → HTTP Event Collector in Splunk.', secret: true }),
  sourcetype: z.string().min(1).default(SPLUNK_HEC_DEFAULTS.sourcetype).meta({ title: 'Sourcetype' }),
  source: z.string().min(1).default(SPLUNK_HEC_DEFAULTS.source).meta({ title: 'Source' }),
  index: z.string().optional().meta({ title: 'Index', description: "Empty uses the token's default index." }),
  host: z.string().optional().meta({ title: 'Host', description: 'The host field of each event.' }),
  maxBatchBytes: z.number().int().min(1024).default(SPLUNK_HEC_DEFAULTS.maxBatchBytes).meta({ title: 'Request size limit (bytes)' }),
  timeoutMs: timeoutField(SPLUNK_HEC_DEFAULTS.timeoutMs),
  tlsCa: caField(),
  tlsVerify: verifyField(),
  sendLeftOut: sendLeftOutField(),
});

export const taxiiSettings = z.object({
  kind: z.literal('taxii'),
  url: httpUrl('Discovery or API root URL', "The server's TAXII 2.1 discovery URL (OpenCTI: https://host/taxii2/), or one API root's URL."),
  collection: z.string().trim().min(1).meta({ title: 'Collection', description: 'The id or title of a collection this account may write to.' }),
  username: z.string().optional().meta({ title: 'User name', description: 'For HTTP Basic authentication.' }),
  password: z.string().optional().meta({ title: 'Password', secret: true }),
  bearerToken: z.string().optional().meta({ title: 'API token', description: 'Sent as a bearer token; used instead of the user name and password when set.', secret: true }),
  timeoutMs: timeoutField(60_000),
  sendLeftOut: sendLeftOutField(),
});

export const targetSettings = z.discriminatedUnion('kind', [syslogSettings, webhookSettings, splunkHecSettings, taxiiSettings]);
export type TargetSettings = z.infer<typeof targetSettings>;
export type TargetKind = TargetSettings['kind'];

/** Each kind's settings object, for the settings form and the secret store. */
export const TARGET_SETTINGS = { syslog: syslogSettings, webhook: webhookSettings, 'splunk-hec': splunkHecSettings, taxii: taxiiSettings } as const;

/** The names of a kind's fields marked `secret: true`. */
export function secretFields(kind: TargetKind): string[] {
  const shape: Record<string, z.ZodType> = TARGET_SETTINGS[kind].shape;
  return Object.entries(shape)
    .filter(([, field]) => (field.meta() as FieldMeta | undefined)?.secret === true)
    .map(([name]) => name);
}

export interface CreateTargetContext {
  /** Magpie's version, for CEF's Device Version. */
  productVersion?: string;
}

function tls(settings: { tlsCa?: string | undefined; tlsVerify: boolean }) {
  return { ...(settings.tlsCa === undefined ? {} : { ca: settings.tlsCa }), rejectUnauthorized: settings.tlsVerify };
}

export function createTarget(config: unknown, context: CreateTargetContext = {}): StreamTarget {
  const parsed = targetSettings.safeParse(config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`).join('; ');
    throw new StreamTargetError('invalid-config', `The stream target's settings are not valid (${issues}). Fix them in the stream's settings.`);
  }
  const settings = parsed.data;
  switch (settings.kind) {
    case 'syslog':
      return createSyslogTarget({
        transport: settings.transport,
        host: settings.host,
        port: settings.port,
        format: settings.format,
        header: { facility: settings.facility, severity: settings.severity, hostname: settings.hostname, appName: settings.appName },
        ...(settings.maxMessageBytes === undefined ? {} : { maxMessageBytes: settings.maxMessageBytes }),
        connectTimeoutMs: settings.timeoutMs,
        tls: {
          ...tls(settings),
          ...(settings.tlsCert === undefined ? {} : { cert: settings.tlsCert }),
          ...(settings.tlsKey === undefined ? {} : { key: settings.tlsKey }),
        },
        ...(context.productVersion === undefined ? {} : { productVersion: context.productVersion }),
      });
    case 'webhook':
      return createWebhookTarget({
        url: settings.url,
        ...(settings.secret === undefined ? {} : { secret: settings.secret }),
        headers: settings.headers,
        maxBatchBytes: settings.maxBatchBytes,
        timeoutMs: settings.timeoutMs,
        tls: tls(settings),
      });
    case 'splunk-hec':
      return createSplunkHecTarget({
        url: settings.url,
        token: settings.token,
        sourcetype: settings.sourcetype,
        source: settings.source,
        ...(settings.index === undefined ? {} : { index: settings.index }),
        ...(settings.host === undefined ? {} : { host: settings.host }),
        maxBatchBytes: settings.maxBatchBytes,
        timeoutMs: settings.timeoutMs,
        tls: tls(settings),
      });
    case 'taxii':
      return createTaxiiTarget({
        url: settings.url,
        collection: settings.collection,
        auth: settings.bearerToken ? { type: 'bearer', token: settings.bearerToken } : settings.username ? { type: 'basic', username: settings.username, password: settings.password ?? '' } : undefined,
        timeoutMs: settings.timeoutMs,
      });
  }
}
