/**
 * The entity page's warninglist flag (issue 21, point 4): an observable or indicator whose
 * value is on a list in force says so, with the list's name and whether the list makes it
 * benign or is context only — as the review and Look up do. The KB worker answers from
 * the analyst's lists (some turned off, newer copies added).
 */
import { Badge, Group, Tooltip } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { observedIn } from '../../../core/exports/values.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import type { WarninglistHit } from '../../../core/warninglists/types.ts';
import { knowledgeBase } from '../kb/client.ts';

const LISTED_TYPES = new Set(['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr']);

/** The values of an observable, or those an indicator's STIX pattern names, that a warninglist can hold. */
export function listedValues(stix: JsonObject): { type: string; value: string }[] {
  return observedIn(stix).flatMap(({ type, properties }) => {
    const value = properties['value'];
    return LISTED_TYPES.has(type) && typeof value === 'string' ? [{ type, value }] : [];
  });
}

export function WarninglistFlags({ stix }: { stix: JsonObject }) {
  const { t } = useTranslation();
  // The object is the same while its id and version are; the answer is kept with the version it is for.
  const key = `${String(stix['id'])}|${typeof stix['modified'] === 'string' ? stix['modified'] : ''}`;
  const [answer, setAnswer] = useState<{ key: string; hits: WarninglistHit[] } | null>(null);

  useEffect(() => {
    let live = true;
    const values = listedValues(stix);
    if (values.length === 0) return;
    knowledgeBase()
      .warninglistHits({ values })
      .then(
        (found) => {
          // One flag per list, however many of the indicator's values it holds.
          const byList = new Map(found.hits.flat().map((hit) => [hit.list, hit]));
          if (live) setAnswer({ key, hits: [...byList.values()] });
        },
        // A flag is a hint; without an answer the page simply shows none.
        () => undefined,
      );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the object
  }, [key]);

  const hits = answer?.key === key ? answer.hits : [];
  if (hits.length === 0) return null;
  return (
    <Group gap={6} data-testid="entity-warninglists">
      {hits.map((hit) => (
        <Tooltip key={hit.list} label={t(`warninglists.flagHelp.${hit.category}`)} multiline maw={360} withArrow>
          <Badge
            variant="light"
            color={hit.category === 'false-positive' ? 'teal' : 'blue'}
            tt="none"
            leftSection={<IconListCheck size={12} />}
            data-testid="entity-warninglist"
            data-list={hit.list}
            data-category={hit.category}
            tabIndex={0}
          >
            {t('warninglists.flag', { list: hit.list, category: t(`warninglists.category.${hit.category}`) })}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
