// ESLint for the network view's page script: ES2020 modules in the browser, vis-network as a global.
// Run with `make lint-js` (or `npm run lint-js`); relgraph's tests do not need npm.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", ".venv/", "src/relgraph/view/vis-network.min.js", "build/", "dist/"] },
  js.configs.recommended,
  {
    files: ["src/relgraph/view/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "module",
      globals: { ...globals.browser, vis: "readonly" },
    },
    rules: {
      "max-len": ["error", { code: 120 }],
      "max-lines-per-function": ["error", { max: 60 }],
      "indent": ["error", 2],
      "no-var": "error",
      "prefer-const": "error",
      "prefer-arrow-callback": "error",
      "one-var": ["error", "never"],
      "eqeqeq": "error",
      "no-shadow": "error",
      "no-implicit-globals": "error",
      "no-restricted-syntax": ["error",
        { selector: "ExportDefaultDeclaration", message: "the bundler keeps named exports only" },
        { selector: "ExportNamedDeclaration[source]", message: "the bundler cannot re-export" },
        { selector: "ExportNamedDeclaration[declaration=null]", message: "export a declaration: export const x = …" },
        { selector: "ImportNamespaceSpecifier", message: "the bundler keeps named imports only" },
        { selector: "ImportDefaultSpecifier", message: "the bundler keeps named imports only" },
        { selector: "Program > VariableDeclaration > VariableDeclarator[id.type!='Identifier']",
          message: "the bundler needs one plain name per top-level declaration" },
        { selector: "MemberExpression[property.name='innerHTML']", message: "text only: use textContent" },
        { selector: "MemberExpression[property.name='outerHTML']", message: "text only: use textContent" },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "text only" },
      ],
    },
  },
  {
    // the two classic scripts of notebook views (relgraph.view.notebook): one in the notebook page, one in each frame
    files: ["src/relgraph/view/notebook-*.js"],
    languageOptions: { ecmaVersion: 2020, sourceType: "script", globals: { ...globals.browser } },
    rules: {
      "max-len": ["error", { code: 120 }],
      "indent": ["error", 2],
      "no-var": "error",
      "prefer-const": "error",
      "eqeqeq": "error",
      "no-shadow": "error",
      "no-implicit-globals": "error",
      "no-restricted-syntax": ["error",
        { selector: "MemberExpression[property.name='innerHTML']", message: "text only: use textContent" },
        { selector: "MemberExpression[property.name='outerHTML']", message: "text only: use textContent" },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "text only" },
      ],
    },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
  },
];
