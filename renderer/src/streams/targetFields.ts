/**
 * The form fields of each stream target. main validates the settings against the target's
 * own schema (main/streams/targets/index.ts); these only say how to ask for them.
 */
export const TARGET_KINDS = ['webhook', 'syslog', 'splunk-hec', 'taxii'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export type TargetFieldName = 'url' | 'secret' | 'headers' | 'transport' | 'host' | 'port' | 'format' | 'tlsCa' | 'tlsVerify' | 'token' | 'index' | 'sourcetype' | 'collection' | 'username' | 'password' | 'bearerToken' | 'sendLeftOut';

export interface TargetField {
  name: TargetFieldName;
  widget: 'text' | 'secret' | 'number' | 'choice' | 'switch' | 'headers' | 'pem';
  required?: boolean;
  choices?: string[];
  defaultOn?: boolean;
}

// Every kind: the stream's leave-out rules (main/streams/leaveOut.ts), off by default.
const sendLeftOut: TargetField = { name: 'sendLeftOut', widget: 'switch', defaultOn: false };

export const targetFields: Record<TargetKind, readonly TargetField[]> = {
  webhook: [
    { name: 'url', widget: 'text', required: true },
    { name: 'secret', widget: 'secret' },
    { name: 'headers', widget: 'headers' },
    { name: 'tlsCa', widget: 'pem' },
    { name: 'tlsVerify', widget: 'switch', defaultOn: true },
    sendLeftOut,
  ],
  syslog: [
    { name: 'transport', widget: 'choice', choices: ['tls', 'relp', 'tcp', 'udp'] },
    { name: 'host', widget: 'text', required: true },
    { name: 'port', widget: 'number' },
    { name: 'format', widget: 'choice', choices: ['json', 'cef'] },
    { name: 'tlsCa', widget: 'pem' },
    { name: 'tlsVerify', widget: 'switch', defaultOn: true },
    sendLeftOut,
  ],
  'splunk-hec': [
    { name: 'url', widget: 'text', required: true },
    { name: 'token', widget: 'secret', required: true },
    { name: 'index', widget: 'text' },
    { name: 'sourcetype', widget: 'text' },
    { name: 'tlsCa', widget: 'pem' },
    { name: 'tlsVerify', widget: 'switch', defaultOn: true },
    sendLeftOut,
  ],
  taxii: [
    { name: 'url', widget: 'text', required: true },
    { name: 'collection', widget: 'text', required: true },
    { name: 'username', widget: 'text' },
    { name: 'password', widget: 'secret' },
    { name: 'bearerToken', widget: 'secret' },
    sendLeftOut,
  ],
};
