/**
 * The worker's bundle as text (webpack.config.js builds src/web/worker.ts first, then gives
 * its output to the page's bundle as an `asset/source` module of this name).
 */
declare module 'tally-web-worker' {
  const source: string;
  export default source;
}
