/** A flag's reason in the UI language, from its data; the English sentence only when a flag has none. */
import { useTranslation } from 'react-i18next';
import type { Flag } from '../../../core/extract/types.ts';
import { flagReasonsEn } from './i18n/flagReasons.ts';

export function useFlagReason(): (flag: Flag) => string {
  const { t } = useTranslation();
  return (flag) => {
    const detail = flag.detail;
    if (!detail) return flag.reason;
    switch (detail.why) {
      case 'range': {
        const known = detail.range in flagReasonsEn.ranges && detail.range !== 'other';
        return known ? t(`flagReasons.ranges.${detail.range as 'private'}`) : t('flagReasons.ranges.other', { range: detail.range });
      }
      case 'revoked':
        return detail.replacement ? t('flagReasons.revokedUse', { version: detail.version, replacement: detail.replacement }) : t('flagReasons.revoked', { version: detail.version });
      case 'deprecated':
        return t('flagReasons.deprecated', { version: detail.version });
      case 'deny-list':
      case 'allow-list':
      case 'warninglist':
        return t(`flagReasons.${detail.why}`, { list: detail.list });
      case 'vendor-site':
        return t('flagReasons.vendor-site', { site: detail.site });
      case 'file-extension':
        return t('flagReasons.file-extension', { extension: detail.extension });
      case 'publisher':
      case 'defanged':
        return t(`flagReasons.${detail.why}`);
    }
  };
}
