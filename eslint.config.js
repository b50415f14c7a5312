// ESLint's flat config, run by `make lint` (scripts/lint), so by `make test` and pre-commit too.
// The site's scripts are classic browser scripts (no modules, no build step); plan-rule.js is
// also loaded by node in the parity test (tests/tools/plan_port.cjs), hence its `module`.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");
const { defineConfig, globalIgnores } = require("eslint/config");

module.exports = defineConfig([
  // Others' JavaScript: the virtualenv's packages (Material's bundles) and the built site.
  globalIgnores([".venv/", "site/", "build/"]),
  {
    linterOptions: {
      // A disable comment that silences nothing goes, as ruff's RUF100 and mypy's
      // warn_unused_ignores ask of Python pragmas.
      reportUnusedDisableDirectives: "error",
    },
  },
  {
    files: ["scripts/pmgenome/site/assets/*.js"],
    extends: [js.configs.recommended],
    languageOptions: {
      sourceType: "script",
      globals: globals.browser,
    },
    rules: {
      // Each script runs in the same page: a top-level name would be shared by all of them.
      "no-implicit-globals": "error",
      eqeqeq: "error",
    },
  },
  {
    // The service worker runs alone in its own global scope, not beside the page's scripts, so its
    // top-level names are its own; __PMGENOME_PRECACHE__ is the list site/offline.py writes in.
    files: ["scripts/pmgenome/site/assets/sw.js"],
    languageOptions: {
      globals: { ...globals.serviceworker, __PMGENOME_PRECACHE__: "readonly" },
    },
    rules: {
      "no-implicit-globals": "off",
    },
  },
  {
    files: ["scripts/pmgenome/site/assets/plan-rule.js"],
    languageOptions: {
      globals: { module: "readonly" },
    },
  },
  {
    files: ["tests/tools/*.cjs", "tests/tools/*.mjs", "eslint.config.js"],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: globals.node,
    },
  },
]);
