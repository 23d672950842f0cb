/** ダッシュボードの朝の確認カード (issue 15, point 6)。 */
import type { morningEn } from './morningEn.ts';

export const morningJa: Record<keyof typeof morningEn, string> = {
  reports: '最新のレポート',
  reportsEmpty: 'レポートはまだありません。脅威レポート (PDF、HTML、テキスト) やレポートを含む STIX バンドルをインポートするか、OTX や MISP フィードなどのフィードを有効にしてください。',
  reportsCut: '最近変更された {{reports}} 件のレポートから集計しています。',
  indicators: '最新のインジケーター',
  indicatorsEmpty: 'インジケーターはまだありません。抽出したレポート、MISP イベント、abuse.ch や OTX などのフィードから取り込まれます。',
  validRange: '有効期間 {{from}} – {{until}}',
  validFrom: '{{from}} から有効',
  expiredOn: '{{date}} に失効',
  revoked: '取り消し済み',
  active: '最近活動した侵入セットとマルウェア',
  activeEmpty: 'まだありません。レポートやサイティングが言及する侵入セットとマルウェアをここに表示します。それらを含むレポート (または OTX などのフィード) をインポートしてください。',
  activeCut: '最近変更された {{reports}} 件のレポートと {{sightings}} 件のサイティングから集計しています。',
  inReports_one: '{{count}} 件のレポート',
  inReports_other: '{{count}} 件のレポート',
  sightings_one: 'サイティング {{count}} 件',
  sightings_other: 'サイティング {{count}} 件',
  separator: '、',
  sectors: '最も標的にされた業種',
  sectorsEmpty: 'まだありません。業種 (identity_class が class のアイデンティティ) への targets 関係を数えます。OpenCTI のエクスポートなどに含まれます。',
  countries: '最も標的にされた国',
  countriesEmpty: 'まだありません。国を持つロケーションへの targets 関係を数えます。OpenCTI や多くのフィードのエクスポートに含まれます。',
  attackers_one: '{{count}} 件が標的に',
  attackers_other: '{{count}} 件が標的に',
  targetsCut: '先頭の業種・国・関係だけから集計しています。ナレッジベースにはさらにあります。',
};
