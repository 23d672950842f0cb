/**
 * A bundle as Magpie writes it from two reports (core/extract then core/extractToStix, as the
 * review commit and `magpie extract --format stix` do) plus an observable no report holds:
 * the input of the MISP feed tests.
 */
import { extractIndicators } from '../../extract/extract.ts';
import { reportFor, toStixObjects } from '../../extractToStix/index.ts';
import { generateScoId } from '../../stix/ids.ts';
import { TLP_2 } from '../../stix/markings.ts';
import type { JsonObject } from '../../stix/model/properties.ts';

const NOW = '2025-03-01T09:00:00.000Z';

function reportOf(name: string, text: string, published: string): JsonObject[] {
  const { indicators } = extractIndicators([{ page: 1, text }]);
  const converted = toStixObjects(indicators, { now: NOW, markingRefs: [TLP_2.green.id] });
  const report = reportFor({ name, published }, converted.refs, { now: NOW, markingRefs: [TLP_2.green.id] });
  return [...converted.objects, report];
}

export function feedBundle(): JsonObject[] {
  const loose: JsonObject = { type: 'domain-name', spec_version: '2.1', id: generateScoId('domain-name', { value: 'loose.example.org' }), value: 'loose.example.org' };
  return [
    TLP_2.green,
    ...reportOf('Operation Magpie', 'C2 at 198.51.100.7 and hxxps://c2[.]example[.]net/gate.php; dropper md5 9e107d9d372bb6826bd81d3542a419d6, sha256 d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592; phish from billing@invoices-example.com; HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\updater.', '2025-02-20T00:00:00.000Z'),
    ...reportOf('Second wave', 'New C2 203.0.113.77, domain update-check.example.com, and again 198.51.100.7.', '2025-02-27T00:00:00.000Z'),
    loose,
  ];
}
