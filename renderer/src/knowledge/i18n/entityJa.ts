/** エンティティページとオブジェクト参照の日本語 (issue 15)。 */
import type { Messages } from '../../i18n/messages.ts';

export const entityJa: Messages['entity'] = {
  ref: {
    loading: '読み込み中…',
    missing: '{{type}} · ナレッジベースにありません',
    unnamed: '名前のない{{type}}',
    open: '{{name}} を開く',
    more: 'さらに {{count}} 件を表示',
    shown: '{{total}} 件中 {{shown}} 件',
    none: 'なし',
  },
};
