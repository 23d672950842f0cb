/**
 * Japanese for the connectors' own words. Main describes each connector, and each of its
 * settings, in English (main/connectors/*: name, description, field titles and help); the
 * page shows them in the analyst's language through this table, keyed by the English text so
 * that a string nobody translated yet still shows, in English. testkit/connectorTextJa.test.ts
 * fails when a connector adds a string this table lacks.
 */
export const connectorTextJa: Readonly<Record<string, string>> = {
  // CISA KEV
  'CISA Known Exploited Vulnerabilities': 'CISA 既知の悪用された脆弱性（KEV）',
  'Imports the CISA catalog of vulnerabilities known to be exploited, with the affected products.': '悪用が確認された脆弱性の CISA カタログを、影響を受ける製品とともに取り込みます。',
  'Catalog URL': 'カタログの URL',
  'The JSON feed of the Known Exploited Vulnerabilities catalog; change it only to use a mirror.': 'KEV カタログの JSON フィード。ミラーを使うときだけ変更してください。',
  'Create infrastructures': 'インフラストラクチャを作成',
  'Also record each affected product as an infrastructure that has the vulnerability, as OpenCTI can.': '影響を受ける各製品を、その脆弱性を持つインフラストラクチャとしても記録します（OpenCTI と同様）。',
  'TLP marking': 'TLP マーキング',
  'The TLP 2.0 marking put on everything this connector imports.': 'このコネクタが取り込むすべてのものに付ける TLP 2.0 マーキング。',
  // MITRE ATT&CK
  'MITRE ATT&CK': 'MITRE ATT&CK',
  'Imports the ATT&CK knowledge bases (Enterprise, Mobile, ICS): tactics, techniques, groups, software, mitigations and detections.': 'ATT&CK のナレッジベース（Enterprise・Mobile・ICS）を取り込みます：戦術、テクニック、グループ、ソフトウェア、緩和策、検知。',
  Enterprise: 'Enterprise',
  'Import ATT&CK for Enterprise (Windows, Linux, macOS, cloud, network, containers).': 'ATT&CK for Enterprise（Windows・Linux・macOS・クラウド・ネットワーク・コンテナ）を取り込みます。',
  'Enterprise bundle URL': 'Enterprise バンドルの URL',
  'The STIX bundle of ATT&CK for Enterprise (STIX 2.1, or the STIX 2.0 form of mitre/cti, which is upgraded).': 'ATT&CK for Enterprise の STIX バンドル（STIX 2.1、または mitre/cti の STIX 2.0 形式。2.1 に変換します）。',
  Mobile: 'Mobile',
  'Import ATT&CK for Mobile (Android, iOS).': 'ATT&CK for Mobile（Android・iOS）を取り込みます。',
  'Mobile bundle URL': 'Mobile バンドルの URL',
  'The STIX bundle of ATT&CK for Mobile (STIX 2.1, or the STIX 2.0 form of mitre/cti, which is upgraded).': 'ATT&CK for Mobile の STIX バンドル（STIX 2.1、または mitre/cti の STIX 2.0 形式。2.1 に変換します）。',
  ICS: 'ICS',
  'Import ATT&CK for ICS (industrial control systems).': 'ATT&CK for ICS（産業制御システム）を取り込みます。',
  'ICS bundle URL': 'ICS バンドルの URL',
  'The STIX bundle of ATT&CK for ICS (STIX 2.1, or the STIX 2.0 form of mitre/cti, which is upgraded).': 'ATT&CK for ICS の STIX バンドル（STIX 2.1、または mitre/cti の STIX 2.0 形式。2.1 に変換します）。',
  "The TLP 2.0 marking added to every imported object, beside MITRE's own copyright marking.": '取り込んだすべてのオブジェクトに、MITRE 自身の著作権マーキングとあわせて付ける TLP 2.0 マーキング。',
  // MISP feed
  'MISP feed': 'MISP フィード',
  'Imports the events of a MISP feed (CIRCL, DigitalSide, Botvrij, abuse.ch, Infoblox or your own) as reports with their indicators and observables.': 'MISP フィード（CIRCL・DigitalSide・Botvrij・abuse.ch・Infoblox または独自のもの）のイベントを、インジケーターと観測値を含むレポートとして取り込みます。',
  Feed: 'フィード',
  'A public MISP feed, or "custom" to give the feed URL yourself.': '公開 MISP フィード。フィードの URL を自分で指定するときは「custom」。',
  'Feed URL': 'フィードの URL',
  'The folder that holds manifest.json and one <uuid>.json per event. When set, it is used instead of the preset.': 'manifest.json とイベントごとの <uuid>.json を置いたフォルダー。指定するとプリセットの代わりに使います。',
  'Import from': '取り込み開始日',
  'Only events created or changed on or after this day. Empty: the last 30 days.': 'この日以降に作成・変更されたイベントだけを取り込みます。空欄：直近 30 日。',
  'Default TLP': '既定の TLP',
  'The TLP marking of events that carry no TLP tag of their own.': 'TLP タグを持たないイベントに付ける TLP マーキング。',
  // OTX
  'AlienVault OTX': 'AlienVault OTX',
  'Imports the pulses of your AlienVault OTX subscriptions as reports with their indicators, observables, malware and ATT&CK techniques.': '購読している AlienVault OTX のパルスを、インジケーター・観測値・マルウェア・ATT&CK テクニックを含むレポートとして取り込みます。',
  'API key': 'API キー',
  'Your OTX key (Settings → OTX Key on otx.alienvault.com); pulses come from the feeds you subscribe to.': 'OTX のキー（otx.alienvault.com の Settings → OTX Key）。パルスは購読しているフィードから届きます。',
  'OTX URL': 'OTX の URL',
  'Change it only to go through a mirror or gateway.': 'ミラーやゲートウェイを経由するときだけ変更してください。',
  'On the first run, pulses changed on or after this day. Empty: the last 30 days.': '初回の実行では、この日以降に変更されたパルスを取り込みます。空欄：直近 30 日。',
  'The TLP marking of pulses that do not state one.': 'TLP を示していないパルスに付ける TLP マーキング。',
  // TAXII
  'TAXII 2.1': 'TAXII 2.1',
  'Imports STIX 2.1 objects from TAXII 2.1 collections (OpenCTI, MISP, ATT&CK and other TAXII servers).': 'TAXII 2.1 のコレクション（OpenCTI・MISP・ATT&CK ほかの TAXII サーバー）から STIX 2.1 オブジェクトを取り込みます。',
  'Discovery or API root URL': 'ディスカバリーまたは API ルートの URL',
  "The server's TAXII 2.1 discovery URL (OpenCTI: https://host/taxii2/), or one API root's URL.": 'サーバーの TAXII 2.1 ディスカバリー URL（OpenCTI：https://host/taxii2/）、または API ルートの URL。',
  'API root': 'API ルート',
  "Which of the discovery's API roots to read: its URL or last path segment. Empty: the server's default one.": '読み取る API ルート：その URL またはパスの最後の部分。空欄：サーバーの既定のルート。',
  Collections: 'コレクション',
  'Collection ids or titles to import. Empty: every collection this account can read.': '取り込むコレクションの ID または名前。空欄：このアカウントが読めるすべてのコレクション。',
  'User name': 'ユーザー名',
  "For HTTP basic authentication (OpenCTI: the user's e-mail address).": 'HTTP Basic 認証用（OpenCTI：ユーザーのメールアドレス）。',
  Password: 'パスワード',
  'API token': 'API トークン',
  "Sent as a bearer token (OpenCTI: the API key in the user's profile). Used instead of the user name and password when both are set.": 'Bearer トークンとして送ります（OpenCTI：ユーザープロファイルの API キー）。両方が設定されているときは、ユーザー名とパスワードの代わりにこちらを使います。',
  'Page size': 'ページサイズ',
  'Objects asked for per request; the server may send fewer.': '1 回のリクエストで求めるオブジェクト数。サーバーはこれより少なく返すことがあります。',
  'The first run imports only objects added to the collections after this day. Empty: everything.': '初回の実行では、この日より後にコレクションへ追加されたオブジェクトだけを取り込みます。空欄：すべて。',
  // Malpedia
  Malpedia: 'Malpedia',
  "Imports Malpedia's malware families with their aliases and references, the actors using them and their countries, and YARA rules by TLP; runs again only when the library's version changes.": 'Malpedia のマルウェアファミリーを別名・参考文献とともに、それを使うアクターとその国、TLP ごとの YARA ルールとあわせて取り込みます。ライブラリのバージョンが変わったときだけ再実行します。',
  'Optional. Your Malpedia API token (profile page on malpedia.caad.fkie.fraunhofer.de): adds the TLP:GREEN and TLP:AMBER YARA rules and sample hashes. Empty: the public library only.': '任意。Malpedia の API トークン（malpedia.caad.fkie.fraunhofer.de のプロファイルページ）：TLP:GREEN と TLP:AMBER の YARA ルールと検体ハッシュが加わります。空欄：公開ライブラリのみ。',
  'Malpedia URL': 'Malpedia の URL',
  'Change it only to go through a mirror or gateway; the API is read under /api/.': 'ミラーやゲートウェイを経由するときだけ変更してください。API は /api/ の下を読みます。',
  Actors: 'アクター',
  'Import the actors Malpedia attributes families to, as intrusion sets with their countries.': 'Malpedia がファミリーを帰属させているアクターを、国とともに侵入セットとして取り込みます。',
  'YARA rules': 'YARA ルール',
  "Import each family's YARA rules as indicators, marked with the TLP of their Malpedia folder.": '各ファミリーの YARA ルールを、Malpedia のフォルダーの TLP を付けたインジケーターとして取り込みます。',
  'Sample hashes': '検体ハッシュ',
  "With an API key: import each family's sample SHA-256 hashes as files and indicators.": 'API キーがあるとき：各ファミリーの検体の SHA-256 ハッシュをファイルとインジケーターとして取り込みます。',
  'The TLP marking of families, actors, countries and relationships (YARA rules carry their own).': 'ファミリー・アクター・国・リレーションシップに付ける TLP マーキング（YARA ルールは自身の TLP を持ちます）。',
  'TLP of sample hashes': '検体ハッシュの TLP',
  'Malpedia shares samples with registered users only, so their hashes are marked amber unless you choose otherwise.': 'Malpedia は検体を登録ユーザーにだけ共有するため、別の指定がない限りそのハッシュは AMBER にします。',
  // Enrichment
  'Magpie offline enrichment': 'Magpie オフラインエンリッチメント',
  'Address ranges, AS and country, registered domains and hash types, worked out on this machine.': 'アドレス範囲、AS と国、登録ドメイン、ハッシュの種類を、このマシン上で判定します。',
  'AS and country of addresses': 'アドレスの AS と国',
  'Look up addresses in the bundled ip-location-db data (loaded on first use, about 20 MB of memory).': '同梱の ip-location-db データでアドレスを調べます（初回使用時に読み込み、メモリ約 20 MB）。',
  VirusTotal: 'VirusTotal',
  'Detection ratios, file details, AS, country and passive DNS from VirusTotal (API key required).': 'VirusTotal の検知率、ファイルの詳細、AS、国、パッシブ DNS（API キーが必要）。',
  'Your VirusTotal API key (Settings → API key on virustotal.com).': 'VirusTotal の API キー（virustotal.com の Settings → API key）。',
  'API base URL': 'API のベース URL',
  'Passive DNS': 'パッシブ DNS',
  'Also fetch resolutions for addresses and domains: one more request each, counted against the quota.': 'アドレスとドメインの名前解決履歴も取得します：それぞれ 1 リクエスト増え、クォータに数えられます。',
  'Resolutions per lookup': '1 回の照会あたりの解決履歴数',
};

/** The connector's words in the analyst's language when there is a translation, else as main wrote them. */
export function connectorText(text: string, language: string): string;
export function connectorText(text: string | undefined, language: string): string | undefined;
export function connectorText(text: string | undefined, language: string): string | undefined {
  if (text === undefined || !language.startsWith('ja')) return text;
  return connectorTextJa[text] ?? text;
}
