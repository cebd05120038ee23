// Unit and component tests. Browser tests run separately (npm run test:e2e).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    // office-addin-mock requires office-addin-manifest, which the adapter tests never use.
    '^office-addin-manifest$': '<rootDir>/test/support/office-addin-manifest-stub.js',
  },
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '<rootDir>/.stryker-tmp/'],
  // Stryker's sandbox (npm run test:mutation) is a copy of the project: never a second one here.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  // hyparquet and hyparquet-writer are ES modules only: compiled for the tests like our sources.
  transformIgnorePatterns: ['/node_modules/(?!(hyparquet|hyparquet-writer)/)'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'dom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/**/*.test.tsx'],
      setupFiles: ['<rootDir>/test/support/jsdom-globals.js'],
    },
  ],
};
