// The task pane bundle: dist/taskpane.html + taskpane.[contenthash].js, the help page, the
// icons and the manifest. `npm run build` (production), `npm run dev-server`
// (https://localhost:3000). `TALLY_BASE_URL=https://… npm run build` writes that address into
// dist/manifest.xml (scripts/manifest.js). The browser test (test/e2e/run.js) builds this same
// configuration with an extra entry.
//
// The web page (网页版, src/web) is two more configurations: its worker (one self-contained
// bundle, dist/web/engine-worker.js) and the page (dist/web/index.html + web.[contenthash].js),
// which carries the worker's text and starts it from a Blob URL — the way a worker starts on a
// page opened from disk (file://). test/e2e/web.js builds the same two.
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { manifestFor } = require('./scripts/manifest');

const ROOT = __dirname;

/**
 * The language level of everything the pane loads: ES2019, what every webview the manifest
 * admits runs (WebView2, Safari 12.1+ on a Mac, the browsers of Excel on the web; README has the
 * table). Our TypeScript is compiled to it, and so are the dependencies that ship newer syntax
 * (zod, Fluent UI's keyborg: `?.`, `??`). test/build.test.ts parses every emitted file as ES2019.
 */
const ES_TARGET = 'es2019';

/** How modules are found: the same for the pane, the page and its worker. */
const RESOLVE = {
  // No fallbacks: the pane runs in a browser, and a Node built-in reached from
  // src/taskpane is a bug (src/xlsx/file.ts and src/cli are for the command line only).
  // Webpack fails on `fs`; the NoNodeBuiltins plugin below fails on `node:fs`.
  extensions: ['.ts', '.tsx', '.js', '.json'],
  alias: {
    // csv-parse's Node build uses the global Buffer as it loads; its browser build
    // (dist/esm) carries its own. exceljs is taken from its `browser` field
    // (dist/exceljs.min.js), which bundles what it needs. Both are loaded only when the
    // user imports a file (src/taskpane/imports.ts).
    'csv-parse/sync$': path.join(ROOT, 'node_modules/csv-parse/dist/esm/sync.js'),
  },
};

/** Our TypeScript by ts-loader, the dependencies' newer syntax by swc-loader, both to ES2019. */
const RULES = [
  {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: {
        transpileOnly: true,
        configFile: path.join(ROOT, 'tsconfig.json'),
        // ES modules for webpack, so Fluent UI is tree-shaken.
        compilerOptions: {
          module: 'es2022',
          moduleResolution: 'bundler',
          target: ES_TARGET,
          noEmit: false,
        },
      },
    },
  },
  {
    // Dependencies are published in newer JavaScript than the webviews run: compiled
    // down, syntax only (no polyfills are added; the built-ins they use exist in ES2019
    // engines). exceljs's browser build is ES5 already and large: left as it is.
    test: /\.m?js$/,
    include: /node_modules/,
    exclude: /exceljs[\\/]dist/,
    use: {
      loader: 'swc-loader',
      options: {
        isModule: 'unknown',
        jsc: { target: ES_TARGET, parser: { syntax: 'ecmascript' } },
      },
    },
  },
];

/** node:fs and friends would otherwise fail with an obscure scheme error. */
const NO_NODE_BUILTINS = {
  apply(compiler) {
    compiler.hooks.normalModuleFactory.tap('NoNodeBuiltins', (factory) => {
      factory.hooks.beforeResolve.tap('NoNodeBuiltins', (data) => {
        if (/^node:/.test(data.request)) {
          throw new Error(
            `${data.request} imported by ${data.contextInfo.issuer}: the task pane must not use Node built-ins`,
          );
        }
      });
    });
  },
};

/**
 * @param {{ outDir?: string, extraEntries?: Record<string, string> }} [options]
 * @returns {(env: unknown, argv: { mode?: string }) => import('webpack').Configuration}
 */
function taskpaneConfig(options = {}) {
  const outDir = options.outDir ?? path.join(ROOT, 'dist');
  return (_env, argv) => {
    const production = argv.mode !== 'development';
    return {
      name: 'taskpane',
      mode: production ? 'production' : 'development',
      context: ROOT,
      devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
      target: ['web', ES_TARGET],
      entry: {
        taskpane: './src/taskpane/index.tsx',
        ...(options.extraEntries ?? {}),
      },
      output: {
        path: outDir,
        filename: production ? '[name].[contenthash:8].js' : '[name].js',
        // The web page's folder is the web configurations' to write.
        clean: { keep: /^web[\\/]/ },
      },
      resolve: RESOLVE,
      module: { rules: RULES },
      plugins: [
        new HtmlWebpackPlugin({
          filename: 'taskpane.html',
          template: './src/taskpane/taskpane.html',
          chunks: ['taskpane'],
          // The page's own ES5 start-up script loads the bundle once the host is known to run
          // it (src/taskpane/taskpane.html).
          inject: false,
        }),
        new HtmlWebpackPlugin({
          filename: 'help.html',
          template: './src/taskpane/help.html',
          chunks: [],
          inject: false,
        }),
        new HtmlWebpackPlugin({
          filename: 'commands.html',
          template: './src/taskpane/commands.html',
          chunks: [],
          inject: false,
        }),
        new CopyWebpackPlugin({
          patterns: [
            { from: 'assets', to: 'assets', globOptions: { ignore: ['**/.*'] } },
            {
              from: 'manifest.xml',
              to: 'manifest.xml',
              transform: (content) => manifestFor(content.toString('utf8'), process.env.TALLY_BASE_URL),
            },
          ],
        }),
        NO_NODE_BUILTINS,
      ],
      performance: {
        hints: production ? 'warning' : false,
        maxAssetSize: 1_500_000,
        maxEntrypointSize: 1_500_000,
      },
      devServer: {
        port: 3000,
        server: 'https',
        headers: { 'Access-Control-Allow-Origin': '*' },
        static: false,
        client: { overlay: { errors: true, warnings: false } },
      },
    };
  };
}

/** The worker's file in the page's folder: checked as ES2019 with the rest, and inlined. */
const WORKER_FILE = 'engine-worker.js';

/**
 * The web page's worker (src/web/worker.ts): the engine and the file work in one bundle with
 * no chunks, since a worker started from a Blob URL could not load any.
 * @param {{ outDir?: string }} [options]
 */
function webWorkerConfig(options = {}) {
  const outDir = path.join(options.outDir ?? path.join(ROOT, 'dist'), 'web');
  return (_env, argv) => ({
    name: 'web-worker',
    mode: argv.mode !== 'development' ? 'production' : 'development',
    context: ROOT,
    devtool: false,
    target: ['webworker', ES_TARGET],
    entry: { 'engine-worker': './src/web/worker.ts' },
    output: { path: outDir, filename: WORKER_FILE, clean: false, publicPath: '' },
    resolve: RESOLVE,
    module: { rules: RULES },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), NO_NODE_BUILTINS],
    performance: { hints: false },
  });
}

/**
 * The web page (src/web/index.tsx over the pane's UI): index.html with its
 * Content-Security-Policy, the ES5 start-up check, and the bundle, which carries the worker's
 * text (built first: `dependencies`). Relative addresses only, so the folder works from disk
 * and from any web server, at any path.
 * @param {{ outDir?: string }} [options]
 */
function webPageConfig(options = {}) {
  const outDir = path.join(options.outDir ?? path.join(ROOT, 'dist'), 'web');
  const workerFile = path.join(outDir, WORKER_FILE);
  return (_env, argv) => {
    const production = argv.mode !== 'development';
    return {
      name: 'web',
      dependencies: ['web-worker'],
      mode: production ? 'production' : 'development',
      context: ROOT,
      devtool: false,
      target: ['web', ES_TARGET],
      entry: { web: './src/web/index.tsx' },
      output: {
        path: outDir,
        filename: production ? '[name].[contenthash:8].js' : '[name].js',
        publicPath: 'auto',
        clean: { keep: new RegExp(`^${WORKER_FILE.replace('.', '\\.')}$`) },
      },
      resolve: { ...RESOLVE, alias: { ...RESOLVE.alias, 'tally-web-worker$': workerFile } },
      module: {
        rules: [
          ...RULES,
          { test: (file) => file === workerFile, type: 'asset/source' },
        ],
      },
      plugins: [
        new HtmlWebpackPlugin({
          filename: 'index.html',
          template: './src/web/index.html',
          chunks: ['web'],
          inject: 'body',
          scriptLoading: 'blocking',
          minify: false,
        }),
        new CopyWebpackPlugin({ patterns: [{ from: 'src/web/start.es5.js', to: 'start.es5.js' }] }),
        NO_NODE_BUILTINS,
      ],
      performance: { hints: false },
    };
  };
}

/** The web page's two configurations, worker first. */
function webConfigs(options = {}) {
  return [webWorkerConfig(options), webPageConfig(options)];
}

module.exports = [taskpaneConfig(), ...webConfigs()];
module.exports.taskpaneConfig = taskpaneConfig;
module.exports.webConfigs = webConfigs;
