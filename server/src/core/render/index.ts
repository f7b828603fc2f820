/** The renderer's public face: one page body for the preview, one standalone file for export. */
export { renderBulletin, type RenderInput, type RenderedBulletin } from './render';
export { standaloneHtml } from './standalone';
export { compareReferences, type Comparison, type ComparisonRow } from './comparison';
export { escapeHtml, safeUrl, formatSize } from './html';
export { pageBesideSource, pagesBesideSources, relativeUrl, type PageLocations, type RefLink } from './links';
export { findingsInBulletinLanguage } from './findings-language';
