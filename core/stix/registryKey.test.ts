import { describe, expect, it } from 'vitest';
import { expandRegistryHive } from './registryKey.ts';

describe('expandRegistryHive', () => {
  it('writes the hive in full, as STIX requires, and leaves the rest as written', () => {
    expect(expandRegistryHive('HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run')).toBe('HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run');
    expect(expandRegistryHive('hklm\\SYSTEM\\CurrentControlSet')).toBe('HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet');
    expect(expandRegistryHive('<HKCR>\\CLSID\\{0A29FF9E}')).toBe('HKEY_CLASSES_ROOT\\CLSID\\{0A29FF9E}');
    expect(expandRegistryHive('HKU\\.DEFAULT\\Software')).toBe('HKEY_USERS\\.DEFAULT\\Software');
    expect(expandRegistryHive('HKEY_USERS\\<USER SID>\\Software')).toBe('HKEY_USERS\\<USER SID>\\Software');
    expect(expandRegistryHive('HKCUSTOM\\x')).toBe('HKCUSTOM\\x');
  });
});
