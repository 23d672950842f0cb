/**
 * The publisher's own site inferred from the document when its metadata names none
 * (issue 16): contact, copyright and footer lines, and a domain in the header or footer of
 * most pages. An indicator that merely repeats through a report is not the publisher.
 */
import { describe, expect, it } from 'vitest';
import { extractIndicators } from './index.ts';
import { inferPublisherDomains } from './publisher.ts';

const page = (number: number, body: string, footer = ''): { page: number; text: string } => ({ page: number, text: `${body}\n\n${footer}` });

describe('inferPublisherDomains', () => {
  it('reads copyright and contact lines, in English and Japanese', () => {
    expect(inferPublisherDomains([page(1, 'The actor used update-check.example-cdn.net.', '© 2026 Example Security Research — research.example-sec.com')])).toEqual(['example-sec.com']);
    expect(inferPublisherDomains([page(1, 'C2: bad-domain.example-evil.top', 'お問い合わせ先：info@example-cert.or.jp')])).toEqual(['example-cert.or.jp']);
    expect(inferPublisherDomains([page(1, 'For questions contact us at https://www.example-labs.co.uk/contact', '')])).toEqual(['example-labs.co.uk']);
  });

  it('takes a domain printed in the header or footer of most pages', () => {
    const pages = [1, 2, 3, 4].map((number) => page(number, `Page ${number} analysis of the loader.\nIt beacons to c2.example-evil.top every hour.`, `blog.example-intel.io | TLP:CLEAR | ${number}`));
    expect(inferPublisherDomains(pages)).toEqual(['example-intel.io']);
  });

  it('does not take an indicator that repeats in the body, or one written defanged', () => {
    const pages = [1, 2, 3, 4].map((number) => page(number, `The implant talks to c2.example-evil.top.\nMore on c2.example-evil.top.`, `${number}`));
    expect(inferPublisherDomains(pages)).toEqual([]);
    expect(inferPublisherDomains([page(1, 'body', 'Contact: report phishing at phish[.]example-bad[.]com')])).toEqual([]);
    expect(inferPublisherDomains([page(1, 'The implant contacts c2.example-evil.top and issues commands.', '')])).toEqual([]);
  });

  it('flags the inferred site as the publisher in extraction, and leaves the indicators alone', () => {
    const { indicators } = extractIndicators([page(1, 'The actor used update-check.example-cdn.net.', 'Copyright (c) 2026 research.example-sec.com. All rights reserved.')]);
    const codes = (value: string): string[] => indicators.find((indicator) => indicator.value === value)?.flags.map((flag) => flag.code) ?? [];
    expect(codes('research.example-sec.com')).toContain('publisher');
    expect(codes('update-check.example-cdn.net')).not.toContain('publisher');
  });
});
