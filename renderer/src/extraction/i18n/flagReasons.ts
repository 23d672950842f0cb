import { ATTACK_KIND_LABELS } from '../../../../core/attack/kindLabels.ts';
import { RANGE_REASONS } from '../../../../core/extract/rangeReasons.ts';

/**
 * Why an extracted value was flagged, worded from the flag's data (core/extract/types.ts
 * FlagDetail) in both languages, with the special-purpose address ranges by ipaddr.js's names.
 */
export const flagReasonsEn = {
  'deny-list': 'On the deny list "{{list}}".',
  'allow-list': 'On the allow list "{{list}}".',
  warninglist: 'On the warninglist "{{list}}".',
  'vendor-site': "A security vendor's or CERT's own site ({{site}}).",
  publisher: "The report publisher's own domain.",
  defanged: 'Written defanged in the text.',
  'file-extension': '".{{extension}}" is a real top-level domain and also a file extension.',
  revoked: 'Revoked by MITRE ({{version}}).',
  revokedUse: 'Revoked by MITRE ({{version}}); use {{replacement}}.',
  deprecated: 'Deprecated by MITRE ({{version}}).',
  ranges: {
    ...RANGE_REASONS,
    other: 'Special-purpose range ({{range}}).',
  },
};

export const flagReasonsJa: typeof flagReasonsEn = {
  'deny-list': '拒否リスト「{{list}}」に含まれています。',
  'allow-list': '許可リスト「{{list}}」に含まれています。',
  warninglist: '警告リスト「{{list}}」に含まれています。',
  'vendor-site': 'セキュリティベンダーまたは CERT 自身のサイトです ({{site}})。',
  publisher: 'レポート発行元自身のドメインです。',
  defanged: '本文で無害化 (defang) して書かれています。',
  'file-extension': '「.{{extension}}」は実在するトップレベルドメインで、ファイルの拡張子でもあります。',
  revoked: 'MITRE により取り消されました ({{version}})。',
  revokedUse: 'MITRE により取り消されました ({{version}})。代わりに {{replacement}} を使います。',
  deprecated: 'MITRE により非推奨になりました ({{version}})。',
  ranges: {
    private: 'プライベートネットワークのアドレス (RFC 1918 / ユニークローカル)。',
    loopback: 'ループバックアドレス。',
    linkLocal: 'リンクローカルアドレス。',
    multicast: 'マルチキャストアドレス。',
    unspecified: '未指定アドレス。',
    broadcast: 'ブロードキャストアドレス。',
    carrierGradeNat: 'キャリアグレード NAT のアドレス (RFC 6598)。',
    reserved: '予約済みまたは文書用のアドレス (RFC 5737 TEST-NET など)。',
    uniqueLocal: 'ユニークローカルアドレス (RFC 4193)。',
    ipv4Mapped: 'IPv4 射影 IPv6 アドレス。',
    rfc6145: 'IPv4 変換アドレス。',
    rfc6052: 'IPv4/IPv6 変換プレフィックス。',
    '6to4': '6to4 移行アドレス。',
    teredo: 'Teredo トンネリングのアドレス。',
    benchmarking: 'ベンチマーク用アドレス (RFC 2544)。',
    amt: 'AMT のアドレス。',
    as112v6: 'AS112 のアドレス。',
    deprecated: '非推奨のアドレス範囲。',
    orchid2: 'ORCHIDv2 のアドレス。',
    droneRemoteIdProtocolEntityTags: 'ドローンのリモート ID のアドレス。',
    other: '特殊用途の範囲 ({{range}})。',
  },
};

/** The kind of an extracted ATT&CK id, shown as a badge on its row. */
export const attackKindsEn = ATTACK_KIND_LABELS;

export const attackKindsJa: typeof attackKindsEn = {
  technique: 'テクニック',
  'sub-technique': 'サブテクニック',
  tactic: '戦術',
  group: 'グループ',
  software: 'ソフトウェア',
  mitigation: '緩和策',
  campaign: 'キャンペーン',
  'data-source': 'データソース',
};
