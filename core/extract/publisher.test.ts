/**
 * The publisher's own site inferred from the document when its metadata names none
 * (issue 16): contact, copyright and footer lines, and a domain in the header or footer of
 * most pages. An indicator that merely repeats through a report is not the publisher.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIndicators } from './index.ts';
import { edgeLines, inferPublisherDomains, phraseLines, PUBLISHER_LINE } from './publisher.ts';

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

/**
 * The speed work of issue 16 reads phrase lines and edge lines without splitting every
 * page; these check each against the plain reading of the whole page, line by line.
 */
describe('the lines the publisher is read from', () => {
  const PIECES = ['\n', '\n\n', '  \n', ' ', '©', '(c) 2026', '(c)\n2026', 'Copyright', 'contact:', 'Contact us', 'contacts: ', 'recontact:', 'contact usa', 'e-mail us', 'our web site', 'お問い合わせ', '連絡先：', 'example-sec.com', 'All Rights Reserved', 'x'];
  const page = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((pieces) => pieces.join(''));

  it('finds exactly the lines that hold a copyright, contact or imprint phrase', () => {
    fc.assert(
      fc.property(page, (text) => {
        expect(phraseLines(text)).toEqual(text.split('\n').filter((line) => PUBLISHER_LINE.test(line)));
      }),
      { seed: 16, numRuns: 3000 },
    );
  });

  it('takes the first and last two non-blank lines of a long page, the first and last of a short one', () => {
    fc.assert(
      fc.property(page, (text) => {
        const lines = text.split('\n').filter((line) => /\S/.test(line));
        const edge = lines.length > 5 ? 2 : 1;
        expect(edgeLines(text)).toEqual(lines.filter((_, index) => index < edge || index >= lines.length - edge));
      }),
      { seed: 16, numRuns: 3000 },
    );
    expect(edgeLines('\nheader\n\nbody one\nbody two\nbody three\nbody four\nfooter a\nfooter b\n')).toEqual(['header', 'body one', 'footer a', 'footer b']);
  });
});
