/** Strings of the review's "Known threats and entities" group (issue 16, point 2), both languages. */
export const knownEntitiesEn = {
  title: 'Known threats and entities',
  help: 'Groups, software, campaigns, countries and sectors from your knowledge base whose name or alias appears in the document. Ticked ones are added to the report.',
  selectAll: 'Select all known threats and entities',
  keep: 'Add {{name}} to the report',
  showWhere: 'Show where {{name}} appears',
  asWritten: 'written “{{value}}”',
  page: 'p. {{page}}',
  ambiguous: 'unsure',
  ambiguousWhy: 'Matched only by a name that is also an English word or three characters or less, and only once: tick it if the document means this object.',
  repeated: 'Matched only by a name that is also an English word, but more than once.',
  aliases: 'Matched as {{names}}',
  occurrences_one: '{{count}} occurrence',
  occurrences_other: '{{count}} occurrences',
  types: { 'intrusion-set': 'intrusion set', 'threat-actor': 'threat actor', malware: 'malware', tool: 'tool', campaign: 'campaign', location: 'country', identity: 'sector' },
};

export const knownEntitiesJa: typeof knownEntitiesEn = {
  title: '既知の脅威・エンティティ',
  help: 'ナレッジベースにあるグループ・ソフトウェア・キャンペーン・国・業種のうち、名前か別名が文書に出てくるものです。チェックしたものがレポートに追加されます。',
  selectAll: '既知の脅威・エンティティをすべて選択',
  keep: '{{name}} をレポートに追加',
  showWhere: '{{name}} の出現箇所を表示',
  asWritten: '表記「{{value}}」',
  page: '{{page}} ページ',
  ambiguous: '要確認',
  ambiguousWhy: '英単語と同じ名前、または 3 文字以下の名前で 1 回だけ一致しました。文書がこのオブジェクトを指している場合はチェックしてください。',
  repeated: '英単語と同じ名前でのみ一致しましたが、複数回出現しています。',
  aliases: '一致した名前: {{names}}',
  occurrences_one: '{{count}} 件',
  occurrences_other: '{{count}} 件',
  types: { 'intrusion-set': '侵入セット', 'threat-actor': '脅威アクター', malware: 'マルウェア', tool: 'ツール', campaign: 'キャンペーン', location: '国', identity: '業種' },
};
