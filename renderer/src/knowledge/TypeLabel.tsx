import { Group, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../../../core/knowledge/entityKind.ts';
import { typeLook } from './stixTypes.ts';

/** A type's name in the UI language; an identity's or location's kind (Sector, Country) in its place when known. */
export function useTypeName(): (type: string, kind?: EntityKind) => string {
  const { t, i18n } = useTranslation();
  return (type, kind) => {
    if (kind) return t(`stix.kinds.${kind}`);
    return i18n.exists(`stix.types.${type}`) ? t(`stix.types.${type}` as 'stix.types.malware') : type;
  };
}

export function TypeIcon({ type, size = 22 }: { type: string; size?: number }) {
  const look = typeLook(type);
  const Icon = look.icon;
  return (
    <ThemeIcon size={size} radius="sm" variant="light" color={look.color} aria-hidden="true">
      <Icon size={size * 0.68} stroke={1.7} />
    </ThemeIcon>
  );
}

export function TypeLabel({ type, kind }: { type: string; kind?: EntityKind | undefined }) {
  const typeName = useTypeName();
  return (
    <Group gap={6} wrap="nowrap">
      <TypeIcon type={type} size={20} />
      <Text size="sm" truncate title={kind ? typeName(type) : undefined} data-testid="type-label">
        {typeName(type, kind)}
      </Text>
    </Group>
  );
}
