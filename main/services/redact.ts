/**
 * Keeps credentials out of logs and error messages: API keys often travel in query strings
 * (`?apikey=…`) or as URL user-info, and a run log is something analysts paste into tickets.
 */

const SECRET_PARAM = /key|token|secret|password|passwd|auth|sig|session|credential/i;

/** The URL with user-info and secret-looking query values replaced by `***`. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = '***';
    parsed.password = '';
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, '***');
  }
  return parsed.toString();
}

/** Replaces every occurrence of each secret value (at least 4 characters) in `text`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    result = result.split(secret).join('***');
  }
  return result;
}
