/**
 * The one IPC contract between main and the renderer (DESIGN.md, "Processes and folders").
 *
 * Every request channel names its request schema and its response schema; every event
 * channel (main → renderer) names its payload schema. main validates each request against
 * this map before a handler sees it, preload exposes only these channel names, and the
 * renderer's types are derived from here. Channel names are written nowhere else.
 */
import { z } from 'zod';

export const Language = z.enum(['system', 'en', 'ja']);
export type Language = z.infer<typeof Language>;

export const ThemePreference = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof ThemePreference>;

export const Settings = z
  .object({
    language: Language,
    theme: ThemePreference,
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Name at least one setting to change.' });
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const AppInfo = z
  .object({
    name: z.string(),
    version: z.string(),
    platform: z.string(),
    /** `electron` in the packaged app, `harness` when the renderer runs in plain Chromium. */
    runtime: z.enum(['electron', 'harness']),
    versions: z.object({
      electron: z.string().nullable(),
      chrome: z.string().nullable(),
      node: z.string(),
    }),
  })
  .strict();
export type AppInfo = z.infer<typeof AppInfo>;

/** Only web links leave the app, and only to the OS browser. */
export const ExternalUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const { protocol, username, password } = new URL(value);
      return (protocol === 'https:' || protocol === 'http:') && username === '' && password === '';
    } catch {
      return false;
    }
  }, 'Only http(s) links without credentials can be opened.');

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) < 32) return true;
  return false;
}

/** A file name offered in the save dialog: no folders, nothing a file system would refuse. */
export const SuggestedFileName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[/\\:*?"<>|]/.test(name) && !hasControlCharacter(name), 'A file name without folders or reserved characters.');

/** Exports travel as text; the largest bundle Magpie writes in one piece. */
export const MAX_SAVED_FILE_CHARS = 512 * 1024 * 1024;

const NoPayload = z.undefined();

export const requestChannels = {
  'app:info': { request: NoPayload, response: AppInfo },
  'settings:get': { request: NoPayload, response: Settings },
  'settings:update': { request: SettingsPatch, response: Settings },
  /** Asks where to save (a dialog in the app) and writes the file there; main does the writing. */
  'file:save': {
    request: z.object({ suggestedName: SuggestedFileName, content: z.string().max(MAX_SAVED_FILE_CHARS) }).strict(),
    response: z.object({ saved: z.boolean(), path: z.string().nullable() }).strict(),
  },
  'shell:open-external': {
    request: z.object({ url: ExternalUrl }).strict(),
    response: z.object({ opened: z.boolean() }).strict(),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export const eventChannels = {
  /** Sent to every window after any change, so all of them show the same settings. */
  'settings:changed': Settings,
  /** Progress of a long task (imports, connector runs, exports) keyed by task id. */
  'task:progress': z
    .object({
      taskId: z.string().min(1),
      phase: z.string().min(1),
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative().nullable(),
    })
    .strict(),
} as const satisfies Record<string, z.ZodType>;

export type RequestChannel = keyof typeof requestChannels;
export type EventChannel = keyof typeof eventChannels;
export type RequestOf<K extends RequestChannel> = z.input<(typeof requestChannels)[K]['request']>;
export type ResponseOf<K extends RequestChannel> = z.output<(typeof requestChannels)[K]['response']>;
export type EventOf<E extends EventChannel> = z.output<(typeof eventChannels)[E]>;

/** Channels without a payload are called with the channel name alone. */
export type RequestArgs<K extends RequestChannel> = undefined extends RequestOf<K> ? [] : [request: RequestOf<K>];

export const requestChannelNames = Object.keys(requestChannels) as RequestChannel[];
export const eventChannelNames = Object.keys(eventChannels) as EventChannel[];

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && Object.hasOwn(requestChannels, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(eventChannels, value);
}
