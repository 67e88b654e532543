// ESLint for our scripts in docs/assets/javascripts (make lint), flat config.
// The scripts are plain browser scripts in ES5 style (var, function), one IIFE each,
// loaded as classic <script> tags through the bundles; no modules, no build step.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    ignores: ["node_modules/**", "bench/**", "site/**", "build/**", ".venv/**", "dist/**", "tests/**"],
  },
  {
    files: ["docs/assets/javascripts/**/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: "script",
      globals: {
        ...globals.browser,
        // Material for MkDocs: the page observable that replays the current page.
        document$: "readonly",
      },
    },
    rules: {
      ...js.configs.recommended.rules,
      // Unused callback arguments are kept for readability (event, index), and ES5 has
      // no optional catch binding: `catch (error) {}` must name what it ignores.
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
      // `var copied = false; try { copied = ... } catch (error) { copied = false; }`:
      // the ES5 scripts set a value before a try on purpose; the rule calls that useless.
      "no-useless-assignment": "off",
      // Every script is an IIFE with "use strict" or none; no implicit globals either way.
      "no-implicit-globals": "error",
      "no-var": "off",
      eqeqeq: ["error", "smart"],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    files: ["eslint.config.js", "stylelint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
];
