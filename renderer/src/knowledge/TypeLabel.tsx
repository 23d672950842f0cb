import { Group, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { typeLook } from './stixTypes.ts';

export function useTypeName(): (type: string) => string {
  const { t, i18n } = useTranslation();
  return (type) => (i18n.exists(`stix.types.${type}`) ? t(`stix.types.${type}` as 'stix.types.malware') : type);
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

export function TypeLabel({ type }: { type: string }) {
  const typeName = useTypeName();
  return (
    <Group gap={6} wrap="nowrap">
      <TypeIcon type={type} size={20} />
      <Text size="sm" truncate>
        {typeName(type)}
      </Text>
    </Group>
  );
}
