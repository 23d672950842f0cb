/** One looked-up value: its status and, when known, what the knowledge base holds of it. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupRow } from '../../../core/lookup/pastedValues.ts';
import { useRouteStore } from '../stores/routeStore.ts';

function KnownDetails({ row }: { row: LookupRow }) {
  const { t } = useTranslation();
  const reports = row.reports.map((report) => report.name).join(', ');
  const more = row.reportCount - row.reports.length;
  const facts = [
    row.sources.length > 0 ? t('lookup.sources', { names: row.sources.map((source) => source.name).join(', ') }) : '',
    reports ? `${t('lookup.reports', { names: reports })}${more > 0 ? ` ${t('lookup.moreReports', { count: more })}` : ''}` : '',
    row.firstSeen ? t('lookup.seen', { first: row.firstSeen, last: row.lastSeen ?? row.firstSeen }) : '',
  ].filter((fact) => fact !== '');
  return (
    <>
      <span className="lookup-line">
        {row.object && (
          <button type="button" className="lookup-object" onClick={() => row.object && useRouteStore.getState().openObject(row.object.id)} data-testid="lookup-object">
            {row.object.name}
          </button>
        )}
        {row.tlp && (
          <span className="lookup-tlp" data-tlp={row.tlp}>
            TLP:{row.tlp.toUpperCase()}
          </span>
        )}
        <span className="lookup-state" data-state={row.indicatorState ?? 'none'} data-testid="lookup-indicator">
          {t(`lookup.indicator.${row.indicatorState ?? 'none'}`)}
        </span>
        {row.score !== null && <span>{t('lookup.score', { score: row.score })}</span>}
        {row.confidence !== null && <span>{t('lookup.confidence', { confidence: row.confidence })}</span>}
      </span>
      <span className="lookup-line" data-dim="" title={facts.join(' · ')} data-testid="lookup-facts">
        {facts.join(' · ')}
      </span>
    </>
  );
}

export const LookupRowView = memo(function LookupRowView({ row, selected, onToggle }: { row: LookupRow; selected: boolean; onToggle: (key: string) => void }) {
  const { t } = useTranslation();
  const key = `${row.type}|${row.value}`;
  const lists = row.warninglists.map((hit) => hit.list).join(', ');
  return (
    <div className="lookup-row" data-testid="lookup-row" data-group={row.group} data-value={row.value}>
      <input type="checkbox" checked={selected} onChange={() => onToggle(key)} aria-label={row.value} />
      <span className="lookup-value" title={row.value}>
        {row.value}
        <span className="lookup-sub">
          {t(`stix.types.${row.type}`, { defaultValue: row.type })}
          {row.defanged ? ` · ${t('lookup.refanged')}` : ''}
        </span>
      </span>
      <span>
        <span className="lookup-status" data-group={row.group}>
          {t(`lookup.groups.${row.group}`)}
        </span>
      </span>
      <span className="lookup-details">
        {row.group === 'known' && <KnownDetails row={row} />}
        {lists && (
          <span className="lookup-line" data-dim="" title={lists} data-testid="lookup-lists">
            {t('lookup.onList', { list: lists })}
          </span>
        )}
        {row.group === 'unknown' && (
          <span className="lookup-line" data-dim="">
            {t('lookup.notKnown')}
          </span>
        )}
      </span>
    </div>
  );
});
