/**
 * An object's properties in a readable form (issue 15): every reference (`*_ref`,
 * `*_refs`, nested ones such as a granular marking's `marking_ref`) as a named chip that
 * opens its page, markings by name, long lists paged; never a bare id.
 */
import { Stack, Table, Text } from '@mantine/core';
import type { JsonObject } from '../../../core/stix/model/properties.ts';

type JsonValue = unknown;
import { ObjectRef } from '../knowledge/ObjectRef.tsx';
import { RefList } from './RefList.tsx';

function isRefKey(key: string | undefined): boolean {
  return key !== undefined && (key.endsWith('_ref') || key.endsWith('_refs'));
}

function isObjectValue(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const preWrap = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

/** One value, by its shape: references as chips, lists and nested objects laid out, the rest as text. */
export function PropertyValue({ name, value, depth = 0 }: { name?: string; value: JsonValue; depth?: number }) {
  if (isRefKey(name)) {
    if (typeof value === 'string') return <ObjectRef id={value} showType />;
    if (Array.isArray(value)) return <RefList ids={value.filter((item): item is string => typeof item === 'string')} />;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return (
      <Text size="sm" style={preWrap}>
        {String(value)}
      </Text>
    );
  }
  if (value === null || value === undefined) return <Text size="sm">—</Text>;
  if (depth > 6) return <Text size="sm">…</Text>;
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return (
        <Text size="sm" style={preWrap}>
          {value.join(', ')}
        </Text>
      );
    }
    return (
      <Stack gap={6}>
        {(value as unknown[]).map((item, index) => (
          <PropertyValue key={index} name={name} value={item} depth={depth + 1} />
        ))}
      </Stack>
    );
  }
  if (isObjectValue(value)) return <PropertyRows object={value} depth={depth + 1} nested />;
  return <Text size="sm">—</Text>;
}

function PropertyRows({ object, depth, nested = false }: { object: JsonObject; depth: number; nested?: boolean }) {
  const entries = Object.entries(object).filter(([, value]) => value !== undefined);
  return (
    <Table variant="vertical" layout="fixed" withTableBorder={nested} fz="sm">
      <Table.Tbody>
        {entries.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Th w={nested ? 160 : 220}>
              <Text size="sm" ff="monospace" style={{ wordBreak: 'break-word' }}>
                {key}
              </Text>
            </Table.Th>
            <Table.Td>{isObjectValue(value) || Array.isArray(value) || isRefKey(key) ? <PropertyValue name={key} value={value} depth={depth} /> : <PropertyValue value={value} depth={depth} />}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The properties of `stix` other than those in `hidden` (shown elsewhere on the page). */
export function PropertiesTable({ stix, hidden }: { stix: JsonObject; hidden: ReadonlySet<string> }) {
  const shown: JsonObject = Object.fromEntries(Object.entries(stix).filter(([key]) => !hidden.has(key)));
  return (
    <div data-testid="detail-properties">
      <PropertyRows object={shown} depth={0} />
    </div>
  );
}
