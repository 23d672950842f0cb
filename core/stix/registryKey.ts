/**
 * A Windows registry key as STIX 2.1 wants it: "the hive portion of the key MUST be fully
 * expanded and not truncated" (Windows Registry Key object, `key`), so `HKCU\…` and
 * `<HKLM>\…` as reports write them become `HKEY_CURRENT_USER\…` and `HKEY_LOCAL_MACHINE\…`.
 */
const HIVES: Readonly<Record<string, string>> = {
  HKLM: 'HKEY_LOCAL_MACHINE',
  HKCU: 'HKEY_CURRENT_USER',
  HKCR: 'HKEY_CLASSES_ROOT',
  HKU: 'HKEY_USERS',
  HKCC: 'HKEY_CURRENT_CONFIG',
  HKPD: 'HKEY_PERFORMANCE_DATA',
};

export function expandRegistryHive(key: string): string {
  const match = /^<?(HK[A-Z_]+)>?(?=\\|$)/i.exec(key);
  if (match === null) return key;
  const root = (match[1] ?? '').toUpperCase();
  const hive = HIVES[root] ?? (root.startsWith('HKEY_') ? root : undefined);
  return hive === undefined ? key : hive + key.slice(match[0].length);
}
