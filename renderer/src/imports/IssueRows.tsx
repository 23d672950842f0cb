/**
 * An import's warnings and quarantined objects, opened from the result and the history
 * (issue 15, point 7): each row names the object (its page when it is stored, else its
 * type and name as read) and the rule that fired, translated by the rule's code. The
 * validator's English sentence is kept as detail; in Japanese it sits behind a disclosure.
 */
import { Badge, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../../core/knowledge/objectFacts.ts';
import type { IssueRule } from '../../../core/stix/issues.ts';
import { isObject } from '../../../core/stix/model/properties.ts';
import { ObjectRef, useObjectName } from '../knowledge/ObjectRef.tsx';
import { TypeIcon, useTypeName } from '../knowledge/TypeLabel.tsx';

/** How much of a quarantined object is shown: enough to read it, never a 100 MB wall. */
const SHOWN_JSON = 20_000;

/** The object of a row: its page when stored, else what the imported record says it was. */
export function IssueObject({ objectId, type, name }: { objectId: string; type: string; name: string }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const stored = useObjectName(objectId);
  if (objectId && stored?.found) return <ObjectRef id={objectId} showType />;
  if (!type) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('importResults.noObject')}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }} data-testid="issue-object">
      <TypeIcon type={type} size={20} />
      <Text size="sm" fw={500} truncate style={{ minWidth: 0 }}>
        {name || t('importResults.unnamed', { type: typeName(type) })}
      </Text>
      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
        {typeName(type)} · {t('importResults.notStored')}
      </Text>
    </Group>
  );
}

/** One rule that fired: its name in the UI language, where in the object, and the validator's sentence. */
export function RuleLine({ rule, path, message, color }: { rule: IssueRule; path: string; message: string; color: string }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (
    <Stack gap={2} data-testid="issue-rule" data-rule={rule}>
      <Group gap={6} wrap="wrap">
        <Badge size="sm" variant="light" color={color}>
          {t(`issueRules.${rule}`)}
        </Badge>
        {path && (
          <Text size="xs" ff="monospace" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {path}
          </Text>
        )}
      </Group>
      {english ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {message}
        </Text>
      ) : (
        <details>
          <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}>{t('importResults.detail')}</summary>
          <Text size="xs" c="dimmed" lang="en" style={{ overflowWrap: 'anywhere' }}>
            {message}
          </Text>
        </details>
      )}
    </Stack>
  );
}

/** A quarantined record: the object named from what was read, each broken rule, and the object itself on request. */
export function QuarantinedObject({ objectId, object, reasons }: { objectId: string; object: unknown; reasons: readonly { path: string; rule: string; message: string }[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const record = isObject(object) ? object : null;
  const type = record && typeof record['type'] === 'string' ? record['type'] : '';
  const name = record ? displayName(record) : '';
  const json = open ? JSON.stringify(object, null, 2) : '';
  return (
    <Stack gap={6} data-testid="quarantined-object">
      <IssueObject objectId={objectId} type={type} name={name === objectId ? '' : name} />
      {reasons.map((reason) => (
        <RuleLine key={reason.path + reason.rule} rule={reason.rule as IssueRule} path={reason.path} message={reason.message} color="red" />
      ))}
      <Group>
        <Button size="compact-xs" variant="subtle" onClick={() => setOpen((value) => !value)} aria-expanded={open}>
          {open ? t('importResults.hideObject') : t('importResults.showObject')}
        </Button>
      </Group>
      {open && (
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 320, overflow: 'auto' }}>
          {json.length > SHOWN_JSON ? `${json.slice(0, SHOWN_JSON)}…` : json}
        </Code>
      )}
    </Stack>
  );
}
