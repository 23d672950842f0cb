/**
 * Labelled cases for the error classes of extraction round 2 (issue 16), written for this
 * project before the fixes: made-up report fragments in English and Japanese, laid out as
 * PDF text readers print them (pdf.js lines, `pdftotext -layout` columns, table cells).
 * None is taken from the hidden corpus; each class has cases that must be found and cases
 * that must not, so a rule tuned to one string fails the others. Scored like the public
 * ioc-cases (only `checked_types` count), per class, by `bench:extract`.
 */
import type { TypeKey } from './typeKeys.ts';

export type ErrorClass =
  | 'split-values'
  | 'japanese-boundaries'
  | 'url-tails'
  | 'dotted-numbers'
  | 'file-names'
  | 'attack-ids'
  | 'capitalised-hashes'
  | 'address-labels';

export interface Round2Case {
  id: string;
  class: ErrorClass;
  lang: 'en' | 'ja';
  text: string;
  expected: Partial<Record<TypeKey, string[]>>;
  checked_types: TypeKey[];
}

const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SHA256_B = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const SHA512 = 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e';
const SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
/** Digests whose last digits are all decimal, as a wrapped tail may be. */
const SHA256_DIGIT_TAIL = '5c1f3e0a9b8d7c6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a20240117';
const SHA1_DIGIT_TAIL = '7d1a8e4c2b9f0e3d5a6c7b8e9f0a1b2c45830921';
const XMR = '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A';

const half = (value: string, at = value.length / 2): [string, string] => [value.slice(0, at), value.slice(at)];

const [s1, s2] = half(SHA256);
const [t1, t2] = half(SHA256_B, 40);
const [l1, l2] = half(SHA512);
const [x1, x2] = half(XMR, 50);
const [m1, m2] = half(MD5);

export const ROUND2_CASES: readonly Round2Case[] = [
  // ── Hashes and long values split across lines or table cells ──────────────────────────
  {
    id: 'split-sha256-two-halves-en',
    class: 'split-values',
    lang: 'en',
    text: `File name          SHA-256\nloader.dll         ${s1}\n                   ${s2}\nupdate.exe         ${MD5}\n`,
    expected: { sha256: [SHA256], md5: [MD5] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'split-sha256-pdfjs-lines-ja',
    class: 'split-values',
    lang: 'ja',
    text: `検体のハッシュ値(SHA256)は以下の通り。\n${s1}\n${s2}\nこの検体は実行後に自身を削除する。`,
    expected: { sha256: [SHA256] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'split-sha256-uneven-cut-en',
    class: 'split-values',
    lang: 'en',
    text: `The dropper (SHA256: ${t1}\n${t2}) writes its payload to %TEMP%.`,
    expected: { sha256: [SHA256_B] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'split-sha512-table-cell-en',
    class: 'split-values',
    lang: 'en',
    text: `| Indicator | Type |\n| ${l1} | SHA512 |\n| ${l2} | |\n`,
    expected: { sha512: [SHA512] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'split-sha512-four-lines-ja',
    class: 'split-values',
    lang: 'ja',
    text: `SHA-512：\n${SHA512.slice(0, 32)}\n${SHA512.slice(32, 64)}\n${SHA512.slice(64, 96)}\n${SHA512.slice(96)}\n以上。`,
    expected: { sha512: [SHA512] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'split-xmr-wallet-en',
    class: 'split-values',
    lang: 'en',
    text: `The miner's configuration names the wallet\n${x1}\n${x2}\nand the pool pool.example-mine.net.`,
    expected: { xmr: [XMR] },
    checked_types: ['xmr'],
  },
  {
    id: 'split-md5-halves-are-not-two-hashes-en',
    class: 'split-values',
    lang: 'en',
    text: `MD5\n${m1}\n${m2}\n`,
    expected: { md5: [MD5] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'adjacent-md5-rows-stay-apart-en',
    class: 'split-values',
    lang: 'en',
    text: `MD5\n${MD5}\n0cc175b9c0f1b6a831c399e269772661\n`,
    expected: { md5: [MD5, '0cc175b9c0f1b6a831c399e269772661'] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'sha1-then-unrelated-hex-stays-apart-ja',
    class: 'split-values',
    lang: 'ja',
    text: `SHA1: ${SHA1}\n次の値はMD5です: ${MD5}`,
    expected: { sha1: [SHA1], md5: [MD5] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'sha256-list-under-label-stays-apart-en',
    class: 'split-values',
    lang: 'en',
    text: `SHA-256 hashes:\n${SHA256}\n${SHA256_B}\n`,
    expected: { sha256: [SHA256, SHA256_B], sha512: [] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'md5-table-rows-without-label-stay-apart-ja',
    class: 'split-values',
    lang: 'ja',
    text: `ファイル名      ハッシュ値\nsetup.exe       ${MD5}\nreadme.txt      0cc175b9c0f1b6a831c399e269772661\n`,
    expected: { md5: [MD5, '0cc175b9c0f1b6a831c399e269772661'], sha256: [] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  // A list of hashes whose next line is headed by a number (a build date, a version): the
  // number is that line's label, not the tail of the hash above (added in the fifth session,
  // before the fix; the tails that must still join are all digits too).
  {
    id: 'md5-list-dated-labels-stay-apart-en',
    class: 'split-values',
    lang: 'en',
    text: `Implant builds\ninitial: ${MD5}\n20190312: 0cc175b9c0f1b6a831c399e269772661\n20190415 (x64):\n92eb5ffee6ae2fec3ad71c777531578f\nDroppers\n`,
    expected: { md5: [MD5, '0cc175b9c0f1b6a831c399e269772661', '92eb5ffee6ae2fec3ad71c777531578f'], sha1: [] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'md5-list-version-labels-stay-apart-ja',
    class: 'split-values',
    lang: 'ja',
    text: `検体一覧\n初期版：${MD5}\n20230105：0cc175b9c0f1b6a831c399e269772661\n20230220（64ビット版）：\n4a8a08f09d37b73795649038408b5f33\n以上の検体は同一の設定を持つ。`,
    expected: { md5: [MD5, '0cc175b9c0f1b6a831c399e269772661', '4a8a08f09d37b73795649038408b5f33'], sha1: [] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'split-sha256-digit-tail-alone-joins-en',
    class: 'split-values',
    lang: 'en',
    text: `Payload\n${SHA256_DIGIT_TAIL.slice(0, 56)}\n${SHA256_DIGIT_TAIL.slice(56)}\nIt is loaded by rundll32.\n`,
    expected: { sha256: [SHA256_DIGIT_TAIL] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'split-sha1-digit-tail-in-prose-with-label-joins-ja',
    class: 'split-values',
    lang: 'ja',
    text: `ダウンローダ（SHA-1：${SHA1_DIGIT_TAIL.slice(0, 32)}\n${SHA1_DIGIT_TAIL.slice(32)}）は正規のサービスを装う。`,
    expected: { sha1: [SHA1_DIGIT_TAIL] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  // ── Japanese written without spaces ──────────────────────────────────────────────────
  {
    id: 'ja-word-before-file-name',
    class: 'japanese-boundaries',
    lang: 'ja',
    text: 'マルウェアは設定ファイルconfig.iniを読み込み、続いてペイロードsvchost_update.exeを起動する。',
    expected: { filename: ['config.ini', 'svchost_update.exe'] },
    checked_types: ['filename'],
  },
  {
    id: 'ja-word-after-file-name',
    class: 'japanese-boundaries',
    lang: 'ja',
    text: '攻撃者はloader.dllを配置し、rundll32.exeで実行した。',
    expected: { filename: ['loader.dll', 'rundll32.exe'] },
    checked_types: ['filename'],
  },
  {
    id: 'ja-file-name-itself-japanese-brackets',
    class: 'japanese-boundaries',
    lang: 'ja',
    text: '添付ファイル「【至急】請求書_1203.pdf.exe」を開くと感染する。',
    expected: { filename: ['【至急】請求書_1203.pdf.exe'] },
    checked_types: ['filename'],
  },
  {
    id: 'ja-file-name-japanese-after-label',
    class: 'japanese-boundaries',
    lang: 'ja',
    text: 'ファイル名：議事録_第3回.docm\nパス：C:\\Users\\Public\\議事録_第3回.docm',
    expected: { filename: ['議事録_第3回.docm'] },
    checked_types: ['filename'],
  },
  {
    id: 'ja-file-name-japanese-in-kagi',
    class: 'japanese-boundaries',
    lang: 'ja',
    text: '不正なショートカット『見積書（最新版）.lnk』がZIPに含まれていた。',
    expected: { filename: ['見積書（最新版）.lnk'] },
    checked_types: ['filename'],
  },
  {
    id: 'ja-particle-before-japanese-file-name',
    class: 'japanese-boundaries',
    lang: 'ja',
    text: 'メールには給与明細.zipが添付されていた。',
    expected: { filename: ['給与明細.zip'] },
    checked_types: ['filename'],
  },
  {
    id: 'ja-registry-key-glued-verb',
    class: 'japanese-boundaries',
    lang: 'ja',
    text: '永続化のためHKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnceに登録する。',
    expected: { registry: ['HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce'] },
    checked_types: ['registry'],
  },
  {
    id: 'ja-registry-value-name-then-particle',
    class: 'japanese-boundaries',
    lang: 'ja',
    text: 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\WinDefendUpdateを作成し、サービスとして起動した。',
    expected: { registry: ['HKLM\\SYSTEM\\CurrentControlSet\\Services\\WinDefendUpdate'] },
    checked_types: ['registry'],
  },
  {
    id: 'ja-domain-glued-particle',
    class: 'japanese-boundaries',
    lang: 'ja',
    text: 'C2サーバupdate-check.example-cdn.netへ接続し、情報を送信する。',
    expected: { domain: ['update-check.example-cdn.net'] },
    checked_types: ['domain'],
  },
  // ── URL tails ────────────────────────────────────────────────────────────────────────
  {
    id: 'url-fullwidth-paren-ja',
    class: 'url-tails',
    lang: 'ja',
    text: '通信先（https://cdn.example-update.com/images/logo.png）から追加モジュールを取得する。',
    expected: { url: ['https://cdn.example-update.com/images/logo.png'] },
    checked_types: ['url'],
  },
  {
    id: 'url-kagi-and-comma-ja',
    class: 'url-tails',
    lang: 'ja',
    text: '「http://203.0.113.7:8080/gate.php」、「https://files.example-share.org/d/7Hk2」。',
    expected: { url: ['http://203.0.113.7:8080/gate.php', 'https://files.example-share.org/d/7Hk2'] },
    checked_types: ['url'],
  },
  {
    id: 'url-ideographic-full-stop-ja',
    class: 'url-tails',
    lang: 'ja',
    text: '詳細はhttps://blog.example-sec.jp/2026/11/report.htmlを参照。次にhttps://example-sec.jp/ioc.csv。',
    expected: { url: ['https://blog.example-sec.jp/2026/11/report.html', 'https://example-sec.jp/ioc.csv'] },
    checked_types: ['url'],
  },
  {
    id: 'url-wrapped-in-path-en',
    class: 'url-tails',
    lang: 'en',
    text: 'The implant polls https://telemetry.example-cloud.io/api/v3/\nsync/status?client=win64 every ten minutes.',
    expected: { url: ['https://telemetry.example-cloud.io/api/v3/sync/status?client=win64'] },
    checked_types: ['url'],
  },
  {
    id: 'url-ends-at-line-end-before-label-en',
    class: 'url-tails',
    lang: 'en',
    text: 'Download: https://telemetry.example-cloud.io/api/v3/sync\nContact: soc@example-corp.com',
    expected: { url: ['https://telemetry.example-cloud.io/api/v3/sync'] },
    checked_types: ['url'],
  },
  {
    id: 'url-ends-at-line-end-before-sentence-en',
    class: 'url-tails',
    lang: 'en',
    text: 'Stage two was fetched from http://198.51.100.23/x/payload.bin\nThe payload is a packed DLL.',
    expected: { url: ['http://198.51.100.23/x/payload.bin'] },
    checked_types: ['url'],
  },
  {
    id: 'url-query-wrapped-en',
    class: 'url-tails',
    lang: 'en',
    text: 'Phishing link: https://login.example-mail.com/owa/auth.aspx?redirect=\nhttps%3A%2F%2Fportal.example-mail.com%2F&lang=en\nwas sent to staff.',
    expected: { url: ['https://login.example-mail.com/owa/auth.aspx?redirect=https%3A%2F%2Fportal.example-mail.com%2F&lang=en'] },
    checked_types: ['url'],
  },
  {
    id: 'url-percent-escapes-whole-ja',
    class: 'url-tails',
    lang: 'ja',
    text: '誘導先は https://example-shop.top/search?q=%E8%AB%8B%E6%B1%82%E6%9B%B8&id=42 である。',
    expected: { url: ['https://example-shop.top/search?q=%E8%AB%8B%E6%B1%82%E6%9B%B8&id=42'] },
    checked_types: ['url'],
  },
  {
    id: 'url-line-end-then-japanese-ja',
    class: 'url-tails',
    lang: 'ja',
    text: 'ダウンロード元：http://update.example-soft.net/files/setup.msi\n攻撃者はこのファイルを配布した。',
    expected: { url: ['http://update.example-soft.net/files/setup.msi'] },
    checked_types: ['url'],
  },
  {
    id: 'url-query-value-wrapped-en',
    class: 'url-tails',
    lang: 'en',
    text: 'The first stage is fetched from http://files.example-drop.xyz/download.php?file=\ninvoice_2026.zip&key=a81f\nand saved to disk.',
    expected: { url: ['http://files.example-drop.xyz/download.php?file=invoice_2026.zip&key=a81f'] },
    checked_types: ['url'],
  },
  {
    id: 'url-percent-escapes-wrapped-ja',
    class: 'url-tails',
    lang: 'ja',
    text: '偽サイトのURL：https://example-shop.top/search?q=%E8%AB%8B%E6%B1%82%E6\n%9B%B8&page=2\n上記のサイトは既に閉鎖されている。',
    expected: { url: ['https://example-shop.top/search?q=%E8%AB%8B%E6%B1%82%E6%9B%B8&page=2'] },
    checked_types: ['url'],
  },
  {
    id: 'url-then-footnote-number-en',
    class: 'url-tails',
    lang: 'en',
    text: 'as documented at https://blog.example-sec.com/2026/apt-report/\n12\nThe group later moved to new infrastructure.',
    expected: { url: ['https://blog.example-sec.com/2026/apt-report/'] },
    checked_types: ['url'],
  },
  {
    id: 'url-fullwidth-quote-and-paren-ja',
    class: 'url-tails',
    lang: 'ja',
    text: '攻撃者は“https://login.example-portal.net/auth/”（偽ログインページ）へ誘導した。',
    expected: { url: ['https://login.example-portal.net/auth/'] },
    checked_types: ['url'],
  },
  {
    id: 'url-wikipedia-parens-en',
    class: 'url-tails',
    lang: 'en',
    text: 'See https://en.wikipedia.org/wiki/Mimikatz_(software) (accessed 2026).',
    expected: { url: ['https://en.wikipedia.org/wiki/Mimikatz_(software)'] },
    checked_types: ['url'],
  },
  // URLs longer than two lines (added in the fifth session, before the fix): a path of
  // percent escapes and a long query wrap over three or four lines of a narrow column; the
  // join must go on to the last piece and stop before the prose or the next entry.
  {
    id: 'url-percent-path-three-lines-en',
    class: 'url-tails',
    lang: 'en',
    text: '5\nhttp://news.example-media.ir/fa/news/4411/%D8%A7%DB%8C%D9%85%DB%8C%D9%84-\n%DA%86%D8%A7%D9%BE%D8%A7%D8%B1-%D9%87%D8%AF%D9%81-\n%D8%AD%D9%85%D9%84%D9%87-%D9%87%DA%A9%D8%B1\n6\nhttp://www.example-blog.net/post/18805\n',
    expected: { url: ['http://news.example-media.ir/fa/news/4411/%D8%A7%DB%8C%D9%85%DB%8C%D9%84-%DA%86%D8%A7%D9%BE%D8%A7%D8%B1-%D9%87%D8%AF%D9%81-%D8%AD%D9%85%D9%84%D9%87-%D9%87%DA%A9%D8%B1', 'http://www.example-blog.net/post/18805'] },
    checked_types: ['url'],
  },
  {
    id: 'url-query-four-lines-ja',
    class: 'url-tails',
    lang: 'ja',
    text: '誘導先のURL：\nhttps://auth.example-login.net/common/oauth2/authorize?client_id=\n4765445b-32c6-49b0-83e6-1d93765276ca&redirect_uri=https%3A%2F%2F\nportal.example-login.net%2Flanding&response_type=code&state=\n8f2a\n攻撃者はこのページで認証情報を窃取した。',
    expected: { url: ['https://auth.example-login.net/common/oauth2/authorize?client_id=4765445b-32c6-49b0-83e6-1d93765276ca&redirect_uri=https%3A%2F%2Fportal.example-login.net%2Flanding&response_type=code&state=8f2a'] },
    checked_types: ['url'],
  },
  {
    id: 'url-two-lines-then-prose-stays-two-en',
    class: 'url-tails',
    lang: 'en',
    text: 'The kit was hosted at https://cdn.example-kits.com/assets/2026/kits/\nphish-o365/index.html\nand the operators rotated it weekly.\n',
    expected: { url: ['https://cdn.example-kits.com/assets/2026/kits/phish-o365/index.html'] },
    checked_types: ['url'],
  },
  // A URL inside a quoted attribute of a code listing, wrapped mid-word: the piece on the
  // next line up to the closing quote is its rest (added in the fifth session, before the fix).
  {
    id: 'url-quoted-attribute-wrapped-mid-word-en',
    class: 'url-tails',
    lang: 'en',
    text: '<Relationship Id="rId1" Type="http://schemas.example-office.org/2006/relationships/attachedT\nemplate" Target="https://files.example-drop.net/t/17.dotm" TargetMode="External"/>',
    expected: { url: ['http://schemas.example-office.org/2006/relationships/attachedTemplate', 'https://files.example-drop.net/t/17.dotm'] },
    checked_types: ['url'],
  },
  {
    id: 'url-quoted-href-wrapped-mid-word-ja',
    class: 'url-tails',
    lang: 'ja',
    text: '偽のリンク：<a href="https://login.example-portal.jp/account/verif\nication?id=8841">ログイン</a>',
    expected: { url: ['https://login.example-portal.jp/account/verification?id=8841'] },
    checked_types: ['url'],
  },
  {
    id: 'url-quote-not-closed-below-stays-en',
    class: 'url-tails',
    lang: 'en',
    text: 'The lure set href="https://cdn.example-kits.com/kit/index\nwhile the page title read "Sign in".',
    expected: { url: ['https://cdn.example-kits.com/kit/index'] },
    checked_types: ['url'],
  },
  // ── Dotted numbers that are not addresses ────────────────────────────────────────────
  {
    id: 'version-numbers-en',
    class: 'dotted-numbers',
    lang: 'en',
    text: 'Affected builds are Windows 8.1 version 6.3.9600.17 and later; the agent v2.4.10.3 is not. OID 1.3.6.1.4.1 identifies the vendor.',
    expected: {},
    checked_types: ['ipv4'],
  },
  {
    id: 'section-and-rule-numbers-en',
    class: 'dotted-numbers',
    lang: 'en',
    text: 'See section 4.2.1.3 of the guideline and rule 2.4.1.9 of the detection policy; build 10.0.19041.1 shipped the fix.',
    expected: {},
    checked_types: ['ipv4'],
  },
  {
    id: 'version-numbers-ja',
    class: 'dotted-numbers',
    lang: 'ja',
    text: '影響を受けるバージョンは 7.2.0.15 以前で、修正版はバージョン7.2.1.3です。規則 3.1.2.4 を参照。',
    expected: {},
    checked_types: ['ipv4'],
  },
  // Seventh session, written before its fixes: the number's label a word or two away
  // (`version string is`, `バージョン情報は「…」`), a list item, a Japanese section
  // written around the number (`第2.3.1.1条`), a table whose next cell names it.
  {
    id: 'label-a-noun-away-en',
    class: 'dotted-numbers',
    lang: 'en',
    text: 'The implant reports its version string as 4.1.2.9 and its build number: 6.0.3.2, then beacons to 91.210.107.40 every 60 seconds.',
    expected: { ipv4: ['91.210.107.40'] },
    checked_types: ['ipv4'],
  },
  {
    id: 'checklist-item-and-revision-en',
    class: 'dotted-numbers',
    lang: 'en',
    text: 'Per item 3.2.1.4 of the hardening checklist (revision 1.0.2.6), block 91.210.107.41 at the perimeter.',
    expected: { ipv4: ['91.210.107.41'] },
    checked_types: ['ipv4'],
  },
  {
    id: 'table-cell-names-the-number-en',
    class: 'dotted-numbers',
    lang: 'en',
    text: 'Value              Kind         Comment\n5.2.0.7            Version      agent reported by the host\n91.210.107.42      IPv4         C2 over TLS\n1.0.4.3            Revision     signature set\n',
    expected: { ipv4: ['91.210.107.42'] },
    checked_types: ['ipv4'],
  },
  {
    id: 'section-around-the-number-ja',
    class: 'dotted-numbers',
    lang: 'ja',
    text: '第2.3.1.1条に基づき報告する。詳細は4.1.2.3節を参照。C2サーバーは91.210.107.43であった。',
    expected: { ipv4: ['91.210.107.43'] },
    checked_types: ['ipv4'],
  },
  {
    id: 'version-info-in-brackets-ja',
    class: 'dotted-numbers',
    lang: 'ja',
    text: '検体に埋め込まれたバージョン情報は『3.0.2.8』で、設定番号は「1.4.0.2」だった。接続先は「91.210.107.44」である。',
    expected: { ipv4: ['91.210.107.44'] },
    checked_types: ['ipv4'],
  },
  // Written before their fixes, after a second author's longer excerpts showed them: a
  // label that ends a wrapped line of prose, a later version of the same family, Japanese
  // firmware and "or earlier" (以前).
  {
    id: 'label-ends-wrapped-prose-line-en',
    class: 'dotted-numbers',
    lang: 'en',
    text: 'The logs came from a jump host whose management agent was at version\n6.2.4.1 and which talked to 91.210.107.45 over TLS.\n',
    expected: { ipv4: ['91.210.107.45'] },
    checked_types: ['ipv4'],
  },
  {
    id: 'same-family-as-a-version-en',
    class: 'dotted-numbers',
    lang: 'en',
    text: 'Gateways on release 8.3.11.4 are exposed; the vendor shipped the fix in 8.3.11.9 and later in 8.3.12.1. The actor connected from 91.210.107.46.',
    expected: { ipv4: ['91.210.107.46'] },
    checked_types: ['ipv4'],
  },
  {
    id: 'firmware-or-earlier-ja',
    class: 'dotted-numbers',
    lang: 'ja',
    text: '対象：ファームウェア 4.2.7.1 以前、およびエージェント 2.0.3.8 より前のバージョン。不審な通信先は 91.210.107.47 である。',
    expected: { ipv4: ['91.210.107.47'] },
    checked_types: ['ipv4'],
  },
  {
    id: 'real-addresses-in-table-en',
    class: 'dotted-numbers',
    lang: 'en',
    text: 'IP address      Port  Role\n45.77.120.3     443   C2\n103.21.9.200    8443  staging\n',
    expected: { ipv4: ['45.77.120.3', '103.21.9.200'] },
    checked_types: ['ipv4'],
  },
  {
    id: 'real-address-after-version-word-en',
    class: 'dotted-numbers',
    lang: 'en',
    text: 'Version 2 of the implant connects to 185.220.101.47 over TCP 443.',
    expected: { ipv4: ['185.220.101.47'] },
    checked_types: ['ipv4'],
  },
  {
    id: 'real-addresses-list-ja',
    class: 'dotted-numbers',
    lang: 'ja',
    text: '通信先IPアドレス：\n・91.92.240.11\n・5.188.86.172\n',
    expected: { ipv4: ['91.92.240.11', '5.188.86.172'] },
    checked_types: ['ipv4'],
  },
  {
    id: 'address-after-table-caption-ja',
    class: 'dotted-numbers',
    lang: 'ja',
    text: '通信先は以下の表\n45.77.120.3\n規則 2.1 に従い遮断した。',
    expected: { ipv4: ['45.77.120.3'] },
    checked_types: ['ipv4'],
  },
  // ── File names ───────────────────────────────────────────────────────────────────────
  {
    id: 'file-name-with-spaces-quoted-en',
    class: 'file-names',
    lang: 'en',
    text: 'The archive contained "quarterly report.pdf.lnk" and a decoy named "Invoice 2026-11.docx".',
    expected: { filename: ['quarterly report.pdf.lnk', 'Invoice 2026-11.docx'] },
    checked_types: ['filename'],
  },
  {
    id: 'file-name-with-spaces-after-label-en',
    class: 'file-names',
    lang: 'en',
    text: 'Attachment name: Salary Review Q4.xlsm\nSender: hr@example-payroll.com',
    expected: { filename: ['Salary Review Q4.xlsm'] },
    checked_types: ['filename'],
  },
  {
    id: 'tld-extension-in-attachment-list-en',
    class: 'file-names',
    lang: 'en',
    text: 'Attachments observed: meeting_notes.one, invoice.zip, demo.mov and install.sh.',
    expected: { filename: ['meeting_notes.one', 'invoice.zip', 'demo.mov', 'install.sh'], domain: [] },
    checked_types: ['filename', 'domain'],
  },
  {
    id: 'tld-extension-as-host-en',
    class: 'file-names',
    lang: 'en',
    text: 'The phishing kit was hosted at https://secure-login.zip/auth and the C2 at update-service.mov on port 443.',
    expected: { domain: ['secure-login.zip', 'update-service.mov'], filename: [] },
    checked_types: ['filename', 'domain'],
  },
  {
    id: 'tld-extension-host-and-file-ja',
    class: 'file-names',
    lang: 'ja',
    text: '検体はC2サーバ update-check.zip に接続し、続いて stage2.zip をダウンロードする。添付ファイル run_me.sh も確認された。',
    expected: { domain: ['update-check.zip'], filename: ['stage2.zip', 'run_me.sh'] },
    checked_types: ['filename', 'domain'],
  },
  {
    id: 'tld-extension-file-from-server-en',
    class: 'file-names',
    lang: 'en',
    text: 'The C2 server delivered stage2.zip, and the operator later sent tools.one to the same host.',
    expected: { domain: [], filename: ['stage2.zip', 'tools.one'] },
    checked_types: ['filename', 'domain'],
  },
  {
    id: 'system-file-names-not-domains-en',
    class: 'file-names',
    lang: 'en',
    text: 'It injects into explorer.exe and drops msedge_elf.dll next to config.sys.',
    expected: { filename: ['explorer.exe', 'msedge_elf.dll', 'config.sys'], domain: [] },
    checked_types: ['filename', 'domain'],
  },
  {
    id: 'file-name-with-spaces-ja-label',
    class: 'file-names',
    lang: 'ja',
    text: '添付ファイル名：Project Plan FY2027.docx\n送信者：info@example-partner.co.jp',
    expected: { filename: ['Project Plan FY2027.docx'] },
    checked_types: ['filename'],
  },
  // ── ATT&CK ids of groups, software, mitigations and campaigns ───────────────────────
  {
    id: 'attack-software-table-en',
    class: 'attack-ids',
    lang: 'en',
    text: 'ID     Name           Techniques\nS0154  Cobalt Strike  T1059.001, T1071\nS0002  Mimikatz       T1003.001\n',
    expected: { attack: ['S0154', 'S0002', 'T1059.001', 'T1071', 'T1003.001'] },
    checked_types: ['attack'],
  },
  {
    id: 'attack-groups-in-prose-list-en',
    class: 'attack-ids',
    lang: 'en',
    text: 'Overlaps were reported with APT29 (G0016), Lazarus Group (G0032) and the campaign C0024.',
    expected: { attack: ['G0016', 'G0032', 'C0024'] },
    checked_types: ['attack'],
  },
  {
    id: 'attack-mitigations-ja',
    class: 'attack-ids',
    lang: 'ja',
    text: '推奨される緩和策：M1036（アカウント使用ポリシー）、M1032（多要素認証）。関連グループ：G0007。',
    expected: { attack: ['M1036', 'M1032', 'G0007'] },
    checked_types: ['attack'],
  },
  // A mitigation id glued to the cell before it in a flattened table, among ids that open
  // their lines (added in the fifth session, before the fix); and ids of one kind that open
  // no line stay unread.
  {
    id: 'attack-mitigation-mid-line-among-listed-en',
    class: 'attack-ids',
    lang: 'en',
    text: 'Valid Accounts\nM1026: Privileged Account Management\nM1027: Password Policies\n\nData from Local System Data Loss Prevention M1057: Data Loss Prevention\n- Detect\n',
    expected: { attack: ['M1026', 'M1027', 'M1057'] },
    checked_types: ['attack'],
  },
  {
    id: 'attack-software-mid-line-among-listed-ja',
    class: 'attack-ids',
    lang: 'ja',
    text: '使用ツール\nS0002：Mimikatz\nS0039：Net\n横展開にはPsExec S0029を使用した。\n',
    expected: { attack: ['S0002', 'S0039', 'S0029'] },
    checked_types: ['attack'],
  },
  {
    id: 'part-numbers-of-another-kind-stay-unread-en',
    class: 'attack-ids',
    lang: 'en',
    text: 'S1000 series router\nThe board was replaced with the M1032 chipset in 2019.\n',
    expected: { attack: ['S1000'] },
    checked_types: ['attack'],
  },
  {
    id: 'part-numbers-are-not-attack-ids-en',
    class: 'attack-ids',
    lang: 'en',
    text: 'The router model S1000 and the firmware package G0016b were replaced with the M1032 chipset board in grid C0024.',
    expected: {},
    checked_types: ['attack'],
  },
  // ── Hashes a word processor capitalised (added in the fifth session, before the fix) ──
  // Word and its kin capitalise the first letter of a line or sentence: a lower-case digest
  // at the start of a list line arrives as `Fbc6…`. Mixed case anywhere else is still not a digest.
  {
    id: 'capitalised-sha256-list-line-en',
    class: 'capitalised-hashes',
    lang: 'en',
    text: `Droppers (SHA-256)\n${SHA256}\nA3c9a1f0d2b4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70\n\nLoaders\n${SHA256_B}\n`,
    expected: { sha256: [SHA256, 'a3c9a1f0d2b4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70', SHA256_B] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'capitalised-md5-sentence-start-ja',
    class: 'capitalised-hashes',
    lang: 'ja',
    text: '検体のMD5は次の通り。\nD41d8cd98f00b204e9800998ecf8427e\nこの検体は2024年に確認された。',
    expected: { md5: [MD5] },
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  {
    id: 'mixed-case-hex-is-not-a-digest-en',
    class: 'capitalised-hashes',
    lang: 'en',
    text: 'The session blob Fbc6F64c4d01c43ce0f272671501425a was rotated, as was DeadBeef0123456789abcdef01234567.',
    expected: {},
    checked_types: ['md5', 'sha1', 'sha256', 'sha512'],
  },
  // Seventh session, written before its fixes: configuration files (`.ini`, `.cfg`) are
  // file names analysts track; an IPv6 address right after a label's colon (`宛先：`).
  {
    id: 'config-files-glued-ja',
    class: 'japanese-boundaries',
    lang: 'ja',
    text: 'ローダーは設定ファイルsettings.iniを読み込み、暗号化された通信設定をupdate.cfgへ書き出す。',
    expected: { filename: ['settings.ini', 'update.cfg'] },
    checked_types: ['filename'],
  },
  {
    id: 'config-files-en',
    class: 'file-names',
    lang: 'en',
    text: 'The dropper writes desktop.cfg and a copy of its settings to C:\\ProgramData\\svc\\conf.ini before it starts.',
    expected: { filename: ['desktop.cfg', 'conf.ini'] },
    checked_types: ['filename'],
  },
  {
    id: 'ipv6-after-label-colon-ja',
    class: 'address-labels',
    lang: 'ja',
    text: '宛先：2a03:2880:f12f:83:face:b00c::25de（IPv6）、送信元:2a01:4f8:c17:2f1::2',
    expected: { ipv6: ['2a03:2880:f12f:83:face:b00c::25de', '2a01:4f8:c17:2f1::2'] },
    checked_types: ['ipv6'],
  },
  {
    id: 'ipv6-after-label-colon-en',
    class: 'address-labels',
    lang: 'en',
    text: 'Source:2a01:4f8:c17:2f1::3 Destination:fe80::1ff:fe23:4567:890a',
    expected: { ipv6: ['2a01:4f8:c17:2f1::3', 'fe80::1ff:fe23:4567:890a'] },
    checked_types: ['ipv6'],
  },
  {
    id: 'japanese-name-with-kana-in-table-cell-ja',
    class: 'japanese-boundaries',
    lang: 'ja',
    text: '表3：添付ファイル\n  ファイル名                          種別\n  支払いの確認_至急.pdf.exe           実行ファイル\n  会議のご案内.docm                   マクロ付き文書\n本文で述べた請求書.zipは別途解析した。\n',
    expected: { filename: ['支払いの確認_至急.pdf.exe', '会議のご案内.docm', '請求書.zip'] },
    checked_types: ['filename'],
  },
  // Written before their fixes, after the second author's third batch (rules and exports
  // as analysts paste them): Sigma's ATT&CK tags, Suricata's sticky buffers, footnote marks,
  // Java packages and .properties files, an HTML attachment, a URL in an unquoted CSV field.
  {
    id: 'sigma-attack-tags-en',
    class: 'attack-ids',
    lang: 'en',
    text: 'title: Run key persistence by a signed loader\ntags:\n  - attack.persistence\n  - attack.t1547.001\n  - attack.s0154\n  - attack.g0032\nlevel: high\n',
    expected: { attack: ['T1547.001', 'S0154', 'G0032'] },
    checked_types: ['attack'],
  },
  {
    id: 'suricata-sticky-buffers-en',
    class: 'file-names',
    lang: 'en',
    text: 'alert http $HOME_NET any -> any any (msg:"beacon"; http.host; content:"update-relay.net"; http.uri; content:"/c"; sid:100201; rev:4;)\nalert dns any any -> any any (msg:"lookup"; dns.query; content:"cfg-sync.org"; sid:100202; rev:1;)\n',
    expected: { domain: ['update-relay.net', 'cfg-sync.org'] },
    checked_types: ['domain'],
  },
  {
    id: 'footnote-marks-en',
    class: 'dotted-numbers',
    lang: 'en',
    text: 'The loader contacted 203.0.113.45¹ after exploiting CVE-2023-46805², then pivoted to 198.51.100.9³.\n¹ Hosting provider in the Netherlands. ² Ivanti Connect Secure. ³ Internal jump host.\n',
    expected: { ipv4: ['203.0.113.45', '198.51.100.9'], cve: ['CVE-2023-46805'] },
    checked_types: ['ipv4', 'cve'],
  },
  {
    id: 'java-packages-en',
    class: 'file-names',
    lang: 'en',
    text: 'Main-Class: org.loader.core.Boot\nPackages: com.fakeapp.update.net, net.example.sync.io\nIt reads its C2 from app.properties and falls back to relay-node.info.\n',
    expected: { domain: ['relay-node.info'], filename: ['app.properties'] },
    checked_types: ['domain', 'filename'],
  },
  {
    id: 'html-attachment-en',
    class: 'file-names',
    lang: 'en',
    text: 'Attachment: Remittance_Advice_0412.html (HTML smuggling)\nThe lure also linked to hxxps://files-share[.]org/view/index.html for a second copy; Statement_Q1.htm followed a week later.\n',
    expected: { filename: ['Remittance_Advice_0412.html', 'Statement_Q1.htm'], url: ['https://files-share.org/view/index.html'] },
    checked_types: ['filename', 'url'],
  },
  {
    id: 'csv-url-field-ja',
    class: 'url-tails',
    lang: 'ja',
    text: 'No,種別,値,観測日時,備考\n5,URL,hxxps://login-check[.]net/s/verify.php?u=77,2025/03/01 10:00,偽ログイン\n6,URL,hxxp://cdn-sync[.]org/a/b,2025/03/01 10:05,配布元\n',
    expected: { url: ['https://login-check.net/s/verify.php?u=77', 'http://cdn-sync.org/a/b'] },
    checked_types: ['url'],
  },
];
