/**
 * Names whose top-level domain is also a file extension (`.zip`, `.mov`, `.one`, `.sh`):
 * `invoice.zip` in an attachment list is a file, `secure-login.zip` where the C2 is
 * described is a host (issue 16). Decided from the words around the name on its line:
 * a port after it, or a host word (C2, hosted, domain, connects…, ドメイン, 接続…) with no
 * file word (attachment, file, downloaded, delivered…, 添付, ファイル…) after it, make it a
 * host; otherwise it stays a file (`the C2 server delivered stage2.zip`). In Japanese the
 * verb after the particle decides.
 */
const HOST_WORDS = /\b(?:domains?|hosts?|hosted|hosting|hostname|c2|c&c|command and control|servers?|resolv\w*|dns|connects?|connected|connection|beacons?|beaconing|callback|exfiltrat\w*|sinkhol\w*)\b|ドメイン|ホスト|サーバ|接続|通信|宛先|名前解決/i;
const FILE_WORDS = /\b(?:attach\w*|files?|filenames?|archives?|documents?|named|drops?|dropped|opens?|opened|executes?|executed|lure|decoy|download\w*|deliver\w*|sent|serves?|served|fetch\w*|writes?|wrote|saves?|saved)\b|添付|ファイル|文書|圧縮|実行|ダウンロード|配布|保存/i;
const PORT_AFTER = /^(?::\d{1,5}\b|\s+(?:on\s+)?(?:port|tcp|udp)\b|\s*(?:の|を)?\s*(?:ポート|TCP|UDP))/i;
const WINDOW = 60;

export function readsAsHost(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const before = text.slice(Math.max(lineStart, start - WINDOW), start);
  const after = text.slice(end, Math.min(lineEnd === -1 ? text.length : lineEnd, end + WINDOW));
  if (PORT_AFTER.test(after)) return true;
  // Japanese puts the verb after its object: `stage2.zip をダウンロード`, `x.zip に接続`.
  const particle = /^\s*[をにへがでと]/.exec(after);
  if (particle !== null) {
    const verb = after.slice(0, 16);
    const host = firstMatch(HOST_WORDS, verb);
    const file = firstMatch(FILE_WORDS, verb);
    if (host !== -1 || file !== -1) return host !== -1 && (file === -1 || host < file);
  }
  const host = lastMatch(HOST_WORDS, before);
  return host !== -1 && lastMatch(FILE_WORDS, before) < host;
}

function firstMatch(pattern: RegExp, text: string): number {
  return text.search(pattern);
}

function lastMatch(pattern: RegExp, text: string): number {
  const global = new RegExp(pattern.source, 'gi');
  let last = -1;
  for (let match = global.exec(text); match !== null; match = global.exec(text)) last = match.index;
  return last;
}
