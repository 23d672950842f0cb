import { describe, expect, it } from 'vitest';
import { emailToText } from './eml.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text.replaceAll('\n', '\r\n'));

describe('emailToText', () => {
  it('reads subject, sender and date into metadata and the text body', async () => {
    const eml = bytes(`From: "JPCERT Alerts" <alerts@jpcert.example>
To: analyst@example.org
Subject: =?UTF-8?B?5rOo5oSP5Zaa6LW3?= Campaign update
Date: Thu, 12 May 2016 10:00:00 +0900
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

C2 at 198.51.100.7 and evil[.]example.
--b1
Content-Type: application/octet-stream; name="invoice.pdf.exe"
Content-Disposition: attachment; filename="invoice.pdf.exe"
Content-Transfer-Encoding: base64

TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=
--b1--
`);
    const { text, metadata } = await emailToText(eml);
    expect(text).toBe('C2 at 198.51.100.7 and evil[.]example.');
    expect(metadata).toEqual({
      title: '注意喚起 Campaign update',
      author: 'JPCERT Alerts',
      publisherDomains: ['jpcert.example'],
      date: '2016-05-12T01:00:00.000Z',
      attachments: ['invoice.pdf.exe'],
    });
  });

  it('reads an HTML-only body through htmlToText, without its scripts', async () => {
    const eml = bytes(`From: sender@example.net
Subject: html only
Content-Type: text/html; charset=utf-8

<html><body><script>203.0.113.1</script><p>Visit hxxp://bad[.]example/login</p></body></html>
`);
    const { text, metadata } = await emailToText(eml);
    expect(text).toBe('Visit hxxp://bad[.]example/login');
    expect(metadata.author).toBe('sender@example.net');
  });
});
