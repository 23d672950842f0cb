/**
 * Renders a STIX description written in Markdown as React elements. Raw HTML in the text
 * is dropped, never injected, and links open in the OS browser through main.
 */
import { Anchor, Code, Text } from '@mantine/core';
import ReactMarkdown from 'react-markdown';
import { openExternal } from './openExternal.ts';

export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown" data-testid="markdown">
      <ReactMarkdown
        skipHtml
        components={{
          p: ({ children }) => <Text mb="sm">{children}</Text>,
          a: ({ href, children }) => (
            <Anchor
              href={href}
              onClick={(event) => {
                event.preventDefault();
                if (href) openExternal(href);
              }}
            >
              {children}
            </Anchor>
          ),
          code: ({ children }) => <Code>{children}</Code>,
          img: ({ alt }) => <Text span c="dimmed">[{alt}]</Text>,
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
