/** English strings of entity pages and object references (issue 15). */
export const entityEn = {
  ref: {
    loading: 'Loading…',
    missing: '{{type}} · not in the knowledge base',
    unnamed: 'Unnamed {{type}}',
    open: 'Open {{name}}',
    more: 'Show {{count}} more',
    shown: '{{shown}} of {{total}}',
    none: 'None',
  },
};
