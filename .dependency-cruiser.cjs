// The layering rules of CONVENTIONS ("Dependencies point one way"), checked by
// `npm run lint:layers` and so by `npm test`: app → lib → db; workers → lib → db;
// db imports nothing of ours; no cycles. scripts/, tests/ and bench/ may import anything.
// Type-only imports count: a type import is still a dependency on the module's shape.
const npmOrNode = ["npm", "npm-dev", "npm-optional", "npm-peer", "npm-no-pkg", "core"];

/** A layer may import only the folders listed (and packages). */
const onlyImports = (name, layer, allowed, comment) => ({
  name,
  comment,
  severity: "error",
  from: { path: `^${layer}/` },
  to: { pathNot: `^(${allowed.join("|")})/`, dependencyTypesNot: npmOrNode, couldNotResolve: false },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    onlyImports("app-imports-lib-and-db", "app", ["app", "lib", "db"], "Routes call lib (and read db types); jobs are enqueued through lib, never by importing workers."),
    onlyImports("workers-import-lib-and-db", "workers", ["workers", "lib", "db"], "Handlers run domain code from lib; they never reach into the web app or the dev tooling."),
    onlyImports("lib-imports-only-lib-and-db", "lib", ["lib", "db"], "lib never imports workers, app or scripts: the web server must not bundle job handlers."),
    onlyImports("db-imports-only-db", "db", ["db"], "db is the bottom layer: schema, client and migrations import nothing of ours."),
    {
      name: "no-circular",
      comment: "Import cycles make load order matter and tie two modules into one.",
      severity: "error",
      from: { path: "^(app|lib|db|workers)/" },
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import the checker cannot resolve would escape every rule above.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
