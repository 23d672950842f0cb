import { describe, expect, it } from 'vitest';
import { htmlToText } from './html.ts';

const page = `<!doctype html><html><head>
<title>Operation Example &amp; Friends</title>
<meta name="author" content="Example Labs">
<meta property="article:published_time" content="2016-05-12T10:00:00+09:00">
<link rel="canonical" href="https://research.example.com/blog/op-example">
<script>document.write('<p>198.51.100.99</p>'); fetch('https://evil.example/')</script>
<style>p { color: red } /* 203.0.113.9 */</style>
</head><body>
<noscript>203.0.113.10</noscript><template><p>203.0.113.11</p></template>
<h1>Operation Example</h1>
<p>The actor used <b>evil</b>-<i>domain</i>[.]com and
   198.51.100.7 as C2.</p>
<div hidden>203.0.113.12</div><span style="display: none">203.0.113.13</span>
<table><tr><th>Type</th><th>Value</th></tr><tr><td>md5</td><td>d41d8cd98f00b204e9800998ecf8427e</td></tr></table>
<pre>line one
  line two</pre>
<ul><li>hxxp://a.example/x</li><li>b.example</li></ul><img src="x.png" alt="diagram of 192.0.2.1">
</body></html>`;

describe('htmlToText', () => {
  const { text, metadata } = htmlToText(page);

  it('keeps visible text only: no script, style, noscript, template or hidden content', () => {
    for (const hidden of ['198.51.100.99', 'evil.example', '203.0.113.9', '203.0.113.10', '203.0.113.11', '203.0.113.12', '203.0.113.13']) expect(text).not.toContain(hidden);
    expect(text).toContain('The actor used evil-domain[.]com and 198.51.100.7 as C2.');
  });

  it('ends lines at block elements and separates table cells', () => {
    expect(text.split('\n')).toContain('Operation Example');
    expect(text).toMatch(/md5\s+d41d8cd98f00b204e9800998ecf8427e/);
    expect(text).toContain('hxxp://a.example/x\n');
    expect(text).toContain('line one\nline two');
    expect(text).toContain('diagram of 192.0.2.1');
  });

  it('reads title, author, date and the canonical host into metadata', () => {
    expect(metadata).toEqual({
      title: 'Operation Example & Friends',
      author: 'Example Labs',
      date: '2016-05-12T01:00:00.000Z',
      publisherDomains: ['research.example.com'],
    });
  });

  it('survives malformed markup', () => {
    expect(htmlToText('<p>open <b>bold <script>x</p> 198.51.100.7').text).toBe('open bold');
    expect(htmlToText('<div><p>a<p>b</div>c').text).toBe('a\n\nb\n\nc');
  });
});
