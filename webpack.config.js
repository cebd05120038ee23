// The task pane bundle: dist/taskpane.html + taskpane.[contenthash].js, the help page, the
// icons and the manifest. `npm run build` (production), `npm run dev-server`
// (https://localhost:3000). `TALLY_BASE_URL=https://… npm run build` writes that address into
// dist/manifest.xml (scripts/manifest.js). The browser test (test/e2e/run.js) builds this same
// configuration with an extra entry.
const path = require('node:path');
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

/**
 * @param {{ outDir?: string, extraEntries?: Record<string, string> }} [options]
 * @returns {(env: unknown, argv: { mode?: string }) => import('webpack').Configuration}
 */
function taskpaneConfig(options = {}) {
  const outDir = options.outDir ?? path.join(ROOT, 'dist');
  return (_env, argv) => {
    const production = argv.mode !== 'development';
    return {
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
        clean: true,
      },
      resolve: {
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
      },
      module: {
        rules: [
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
        ],
      },
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
        {
          // node:fs and friends would otherwise fail with an obscure scheme error.
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
        },
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

module.exports = taskpaneConfig();
module.exports.taskpaneConfig = taskpaneConfig;
