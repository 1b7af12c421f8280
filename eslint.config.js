// Lint rules, including the layer boundaries of DESIGN.md: each folder of src/ may import only the layers below it.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const UI_LIBS = [
  'react',
  'react-dom',
  'react-dom/*',
  '@xyflow/*',
  'zustand',
  'zustand/*',
  'i18next',
  'react-i18next',
];
const layer = (name) => [`**/${name}`, `**/${name}/**`];

/** One boundary: files in `folder` may not import the listed layers or packages. */
const boundary = (folder, layers, packages = []) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...layers.map((l) => ({
            group: layer(l),
            message: `src/${folder} may not import src/${l} (DESIGN.md, Layers).`,
          })),
          ...(packages.length
            ? [{ group: packages, message: `src/${folder} may not use UI libraries.` }]
            : []),
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist*', 'node_modules', 'test-results', 'reports', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**', 'e2e/**', '*.config.{js,ts}', 'bench/**', 'sim/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  boundary('engine', ['ui', 'store', 'playback', 'scenarios', 'kubectl', 'app', 'i18n'], UI_LIBS),
  boundary('kubectl', ['ui', 'store', 'playback', 'scenarios', 'app', 'i18n'], UI_LIBS),
  boundary('playback', ['ui', 'store', 'scenarios', 'kubectl', 'app', 'i18n'], UI_LIBS),
  boundary('scenarios', ['ui', 'store', 'playback', 'kubectl', 'app', 'i18n'], UI_LIBS),
  boundary('store', ['ui', 'app', 'i18n'], ['react', 'react-dom', '@xyflow/*', 'react-i18next']),
  boundary('ui', ['app', 'playback', 'scenarios', 'kubectl']),
  boundary(
    'i18n',
    ['ui', 'store', 'playback', 'scenarios', 'kubectl', 'app', 'engine'],
    ['react', 'react-dom', '@xyflow/*', 'zustand'],
  ),
);
