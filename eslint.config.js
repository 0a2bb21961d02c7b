/* ESLint for the site's own JavaScript (tests/test_javascript.py runs it; .ci/run installs the
 * pinned ESLint into .ci/node, which is where this file takes its packages from).
 * Every file is a plain script, not a module: page scripts share what they must through
 * named properties of window (kbFinderState, kbSearch …); the search worker's scripts run in
 * the worker's own global scope and share kbQuery and kbResults there. */
"use strict";

const { createRequire } = require("node:module");
const path = require("node:path");

const pinned = createRequire(path.join(__dirname, ".ci", "node", "package.json"));
const js = pinned("@eslint/js");
const globals = pinned("globals");

const PAGE = "site_config/docs/assets/javascripts/";
const WORKER = ["kb-search.js", "kb-search-query.js", "kb-search-results.js"].map(f => PAGE + f);

const rules = {
  ...js.configs.recommended.rules,
  eqeqeq: "error",
  "no-unused-vars": "error",
};

module.exports = [
  // what .gitignore leaves out: the built site (and its staging folder), bundles, tools
  { ignores: [".ci/node/**", "site/**", "site.kb-staging/**", "dist/**", ".venv/**",
               "mutants/**"] },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules,
  },
  {
    files: [PAGE + "*.js", "site_config/cms/*.js"],
    ignores: WORKER,
    languageOptions: { sourceType: "script", globals: globals.browser },
    rules: { ...rules, "no-implicit-globals": "error" },
  },
  {
    // a worker's top-level names are its own: nothing else runs in its global scope
    files: WORKER,
    languageOptions: {
      sourceType: "script",
      globals: {
        ...globals.worker,
        kbQuery: "readonly",  // kb-search-query.js
        kbResults: "readonly",  // kb-search-results.js
        document: "readonly",  // from file:// the worker runs in an iframe (iframe-worker.js)
      },
    },
    rules,
  },
];
