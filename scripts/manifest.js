'use strict';
/**
 * The add-in's address in manifest.xml, set when the pane is built. The manifest in the
 * repository names the development server (https://localhost:3000, `npm run dev-server`), so it
 * can be sideloaded as it is; `TALLY_BASE_URL=https://tongji.example.gov.cn/tally npm run build`
 * writes dist/manifest.xml with the deployment's address in every URL, and its origin as the
 * AppDomain. webpack.config.js and test/manifest.test.ts use this file.
 */

const DEV_BASE_URL = 'https://localhost:3000';

/**
 * The base URL as the manifest wants it: https, no query or fragment, no trailing slash.
 * Throws a sentence that says what to set instead.
 */
function normaliseBaseUrl(value) {
  const raw = (value ?? '').trim() || DEV_BASE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `TALLY_BASE_URL “${raw}” is not a URL; set it like https://tongji.example.gov.cn/tally`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      `TALLY_BASE_URL “${raw}” must use https (Office loads add-ins only over https)`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(
      `TALLY_BASE_URL “${raw}” must be a plain address, without ?query, #fragment or credentials`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** manifest.xml with every development URL replaced by the base URL (its origin for AppDomain). */
function manifestFor(xml, baseUrl) {
  const base = normaliseBaseUrl(baseUrl);
  const origin = new URL(base).origin;
  const out = xml
    .replace(
      /<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g,
      `<AppDomain>${origin}</AppDomain>`,
    )
    .split(`${DEV_BASE_URL}/`)
    .join(`${base}/`);
  if (base !== DEV_BASE_URL && out.includes(DEV_BASE_URL)) {
    throw new Error(`manifest.xml names ${DEV_BASE_URL} where it cannot be replaced by ${base}`);
  }
  return out;
}

module.exports = { DEV_BASE_URL, normaliseBaseUrl, manifestFor };
