/**
 * OTX writes times without a zone and with microseconds ("2015-09-02T09:21:53.093000");
 * they are UTC. STIX wants RFC 3339 with the Z (§3.2), to the millisecond here.
 */
export function otxTime(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) ? trimmed : `${trimmed}Z`;
  const time = Date.parse(zoned.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}
