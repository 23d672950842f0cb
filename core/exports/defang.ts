/**
 * Defanging, so a blocklist pasted into a ticket or a chat cannot be clicked or resolved:
 * the common convention (hxxp, [.], [@], [:]) that Magpie's own extraction refangs
 * (core/extract/refang.ts), so a defanged list read back gives the same values.
 */
import type { ValueKind } from './values.ts';

const dots = (text: string): string => text.replaceAll('.', '[.]');

function defangUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(url);
  if (match === null) return dots(url);
  const [, scheme = '', authority = '', rest = ''] = match;
  const fangless = scheme.replace(/^http/i, (word) => (word === 'HTTP' ? 'HXXP' : 'hxxp')).replace(/^ftp/i, 'fxp');
  // Only the host is defanged: dots in the path are file names, harmless and easier to read as they are.
  return `${fangless}://${dots(authority)}${rest}`;
}

export function defang(kind: ValueKind, value: string): string {
  switch (kind) {
    case 'url':
      return defangUrl(value);
    case 'domain':
    case 'ipv4':
      return dots(value);
    case 'ipv6':
      return value.replaceAll(':', '[:]');
    case 'email':
      return dots(value.replace('@', '[@]'));
    default:
      return value;
  }
}
