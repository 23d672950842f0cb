/**
 * The type icons of the tables, as images Cytoscape can draw inside a node: the same
 * Tabler component rendered once per type and colour to an SVG data URI, so the graph
 * and the lists share one icon per type.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { typeLook } from '../../knowledge/stixTypes.ts';

const cache = new Map<string, string>();

export function typeIconUri(type: string, colour: string): string {
  const key = `${type}|${colour}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const Icon = typeLook(type).icon;
  const markup = renderToStaticMarkup(createElement(Icon, { size: 48, stroke: 1.75, color: colour }));
  // Tabler's root <svg> has no namespace when rendered by React; an <img>-style image needs one.
  const svg = markup.includes('xmlns=') ? markup : markup.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  const uri = `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
  cache.set(key, uri);
  return uri;
}
