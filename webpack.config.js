// The task pane bundle: dist/taskpane.html + taskpane.[contenthash].js, the icons and the
// manifest. `npm run build` (production), `npm run dev-server` (https://localhost:3000).
// The browser test (test/e2e/run.js) builds this same configuration with an extra entry.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;

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
      target: ['web', 'es2022'],
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
                compilerOptions: { module: 'es2022', moduleResolution: 'bundler', noEmit: false },
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
            { from: 'manifest.xml', to: 'manifest.xml' },
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
