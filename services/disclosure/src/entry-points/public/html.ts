// The one HTML template tag lives in packages/shared (the identity provider's pages use it too).
export { SafeHtml, escapeHtml, html, multiline, queryString } from '@sanxiang/shared';
