// Vitest runs lib/ outside Next.js: `import "server-only"` is a marker for Next's bundler, so the
// tests resolve it to this empty module (Next itself fails a build that puts it in client code).
export {};
