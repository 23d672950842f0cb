import type { extractionReviewEn } from './reviewEn.ts';

/** 抽出レビューの既知／新規の表示、絞り込み、操作バー（issue 16 の 5・6）。 */
export const extractionReviewJa: typeof extractionReviewEn = {
  known: '既知',
  new: '新規',
  checking: '確認中…',
  knownTitle: 'ナレッジベースに登録済み',
  newTitle: 'ナレッジベースにまだありません。このレポートで追加されます。',
  groupCounts: '新規 {{new}} · 既知 {{known}}',
  newOnly: '新規のみ',
  newOnlyHelp: 'ナレッジベースに登録済みの値を隠す',
  allKnown: 'この種類の値はすべてナレッジベースに登録済みです。「新規のみ」を切ると表示されます。',
  inReports_one: '{{count}} 件のレポートに記載: {{names}}',
  inReports_other: '{{count}} 件のレポートに記載: {{names}}',
  noReports: 'どのレポートにもまだ記載されていません。',
  fromSources: '取得元: {{names}}',
  seen: '初出 {{first}}、最終 {{last}}',
  tlp: 'マーキング: TLP:{{level}}',
  noTlp: 'TLP マーキングなし',
  hasIndicator: 'インジケーターが存在します。',
  noIndicator: 'インジケーターはまだありません。保存すると作成されます。',
  lookupFailed: 'ナレッジベースでこれらの値を確認できませんでした: {{message}}',
  notSaved: '保存されなかった値と理由:',
  untickedCount_one: '{{count}} 件の値はチェックが外れていたため保存されていません。',
  untickedCount_other: '{{count}} 件の値はチェックが外れていたため保存されていません。',
  textGone: 'この文書の本文はもう保持されていません（文書リーダーが再起動されました）。ページ内の位置を見るには、ファイルをもう一度ドロップしてください。',
  listLabel: '抽出された値',
};
