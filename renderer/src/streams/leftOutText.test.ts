import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { ja } from '../i18n/ja.ts';
import { leftOutText } from './leftOutText.ts';

async function translator(language: 'en' | 'ja') {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng: language, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('the stream card says how many events were left out and why (issue 21)', () => {
  it('names only the reasons that apply, in English and Japanese', async () => {
    const counts = { revoked: 0, expired: 9, warninglisted: 3 };
    expect(leftOutText(counts, await translator('en'), 'en')).toBe('12: 9 expired, 3 on a warninglist');
    expect(leftOutText(counts, await translator('ja'), 'ja')).toBe('12 件：期限切れ 9 件、警告リスト 3 件');
    expect(leftOutText({ revoked: 1200, expired: 0, warninglisted: 0 }, await translator('en'), 'en')).toBe('1,200: 1,200 revoked');
  });

  it('says nothing was left out when nothing was', async () => {
    expect(leftOutText({ revoked: 0, expired: 0, warninglisted: 0 }, await translator('en'), 'en')).toBe('Nothing');
  });
});
