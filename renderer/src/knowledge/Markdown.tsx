/**
 * Renders a STIX description written in Markdown as React elements. Raw HTML in the text
 * is dropped, never injected; links open in the OS browser through main, and only http(s)
 * ones are links at all. With `citations`, ATT&CK's "(Citation: X)" markers become
 * numbered links to the matching external reference (issue 15).
 */
import { Anchor, Code, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import ReactMarkdown from 'react-markdown';
import { CITATION_HREF, isSafeLink, linkCitations, type Citation } from './citations.ts';
import { openExternal } from './openExternal.ts';

function CitationLink({ citation }: { citation: Citation }) {
  const label = `[${citation.number}]`;
  if (!citation.url) {
    return (
      <sup title={citation.name} data-testid="citation">
        {label}
      </sup>
    );
  }
  const url = citation.url;
  return (
    <sup data-testid="citation">
      <Anchor
        href={url}
        title={citation.name}
        onClick={(event) => {
          event.preventDefault();
          openExternal(url);
        }}
      >
        {label}
      </Anchor>
    </sup>
  );
}

function Link({ href, children, citations }: { href: string | undefined; children: ReactNode; citations: readonly Citation[] }) {
  if (href?.startsWith(CITATION_HREF)) {
    const citation = citations[Number(href.slice(CITATION_HREF.length)) - 1];
    if (citation) return <CitationLink citation={citation} />;
  }
  // javascript:, data:, file: and relative links are shown as their text, never as links.
  if (!isSafeLink(href)) return <>{children}</>;
  return (
    <Anchor
      href={href}
      onClick={(event) => {
        event.preventDefault();
        openExternal(href);
      }}
    >
      {children}
    </Anchor>
  );
}

export function Markdown({ text, citations = [] }: { text: string; citations?: readonly Citation[] }) {
  return (
    <div className="markdown" data-testid="markdown">
      <ReactMarkdown
        skipHtml
        components={{
          p: ({ children }) => <Text mb="sm">{children}</Text>,
          a: ({ href, children }) => (
            <Link href={href} citations={citations}>
              {children}
            </Link>
          ),
          code: ({ children }) => <Code>{children}</Code>,
          img: ({ alt }) => <Text span c="dimmed">[{alt}]</Text>,
        }}
      >
        {citations.length > 0 ? linkCitations(text, citations) : text}
      </ReactMarkdown>
    </div>
  );
}
