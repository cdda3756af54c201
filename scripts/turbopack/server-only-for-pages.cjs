/**
 * Decision 0038: the family's pages are on the Pages Router, whose server compile refuses any
 * module with `import "server-only"` (Next allows it in the App Router only) — and every lib query
 * has one. For server compiles only (next.config.js: not the browser), this drops that line, so
 * getServerSideProps can call the same lib queries as the App Router pages. Browser compiles keep
 * it: a lib module imported into anything a browser loads still fails the build.
 */
module.exports = function serverOnlyForPages(source) {
  return source.replace(/^import ["']server-only["'];?[ \t]*$/m, "");
};
