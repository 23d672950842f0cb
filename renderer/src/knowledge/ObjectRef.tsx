/**
 * A reference to another object, as an analyst reads it (issue 15): its type icon and
 * name, linking to its page; a TLP marking as its badge; an object that is not stored says
 * so with its type. Never the bare id: ids appear only on the STIX JSON tab.
 */
import { Anchor, Group, Text, Tooltip } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { objectHash, useRouteStore } from '../stores/routeStore.ts';
import { useSelectionStore } from '../stores/selectionStore.ts';
import { unknownName, useObjectName, type ObjectName } from './objectNames.ts';
import { TlpBadge } from './TlpBadge.tsx';
import { TypeIcon, useTypeName } from './TypeLabel.tsx';

export { useObjectName, useObjectNames } from './objectNames.ts';

/** Opens an object's page from anywhere: closes the quick-look drawer first. */
export function openObjectPage(id: string, tab?: string): void {
  useSelectionStore.getState().closeDetail();
  useRouteStore.getState().openObject(id, tab ?? null);
}

/** The words an object is shown by when it has no name of its own. */
export function useRefLabel(): (name: ObjectName) => string {
  const { t } = useTranslation();
  const typeName = useTypeName();
  return (name) => name.name ?? t('entity.ref.unnamed', { type: typeName(name.type) });
}

interface ObjectRefProps {
  id: string;
  /** Also write the type's name after the object's (where the icon alone is not enough). */
  showType?: boolean;
  size?: 'xs' | 'sm';
  /** False inside something that opens on click itself (a list row): the name without its own link. */
  link?: boolean;
}

export function ObjectRef({ id, showType = false, size = 'sm', link = true }: ObjectRefProps) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const label = useRefLabel();
  const found = useObjectName(id);
  const name = found ?? unknownName(id);
  const iconSize = size === 'xs' ? 16 : 20;

  if (name.tlp) return <TlpBadge level={name.tlp} />;

  if (!found) {
    return (
      <Group gap={6} wrap="nowrap" display="inline-flex" data-testid="object-ref" data-state="loading">
        <TypeIcon type={name.type} size={iconSize} />
        <Text size={size} c="dimmed">
          {t('entity.ref.loading')}
        </Text>
      </Group>
    );
  }

  if (!name.found && name.trashed) {
    // Issue 21, point 5: in the trash, still named, never a bare id.
    return (
      <Group gap={6} wrap="nowrap" display="inline-flex" data-testid="object-ref" data-state="trashed">
        <TypeIcon type={name.type} size={iconSize} />
        <Text size={size} c="dimmed" fs="italic">
          {t('trash.ref.inTrash', { name: label(name) })}
        </Text>
      </Group>
    );
  }

  if (!name.found) {
    return (
      <Group gap={6} wrap="nowrap" display="inline-flex" data-testid="object-ref" data-state="missing">
        <TypeIcon type={name.type} size={iconSize} />
        <Text size={size} c="dimmed" fs="italic">
          {t('entity.ref.missing', { type: typeName(name.type) })}
        </Text>
      </Group>
    );
  }

  const text = label(name);
  const shown = name.externalId && name.externalId !== text ? `${name.externalId} ${text}` : text;
  if (!link) {
    return (
      <Group gap={6} wrap="nowrap" display="inline-flex" style={{ minWidth: 0, maxWidth: '100%' }} data-testid="object-ref" data-state="found">
        <TypeIcon type={name.type} size={iconSize} />
        <Text size={size} truncate>
          {shown}
        </Text>
      </Group>
    );
  }
  const open = (event: MouseEvent) => {
    // A plain click stays in this window; the href is there for keyboard and for copying the route.
    event.preventDefault();
    openObjectPage(id);
  };
  return (
    <Group gap={6} wrap="nowrap" display="inline-flex" style={{ minWidth: 0, maxWidth: '100%' }} data-testid="object-ref" data-state="found">
      <TypeIcon type={name.type} size={iconSize} />
      <Tooltip label={typeName(name.type, name.kind)} openDelay={400} withinPortal>
        <Anchor href={objectHash(id)} onClick={open} size={size} truncate td={name.revoked ? 'line-through' : undefined}>
          {shown}
        </Anchor>
      </Tooltip>
      {showType && (
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          {typeName(name.type, name.kind)}
        </Text>
      )}
    </Group>
  );
}
