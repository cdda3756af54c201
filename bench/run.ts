/**
 * Benchmarks (not tests): `npm run bench` = `tsx --conditions=react-server bench/run.ts` (the
 * condition lets lib modules marked `server-only` load, as `npm run db:seed` does).
 * Add a suite by exporting a BenchSuite from a module in bench/ and listing it below.
 * `tsx bench/run.ts <name…>` runs only the named suites; `--strict` exits 1 if any is BELOW target.
 * The page benchmarks (issue 14, decision 0032) take `--cases N`, `--rounds N`, `--duration S` and
 * `--skip-build`: `npm run bench -- pages js` regenerates bench/RESULTS.md.
 */
import { deadlinesBench } from "./deadlines";
import { findATimeBench } from "./find-a-time";
import { nameSearchBench } from "./name-search";
import { renderDocumentBench } from "./render-document";
import { laDashboardBench } from "./la-dashboard";
import { dataAccessBench } from "./data-access";
import { pagesBench } from "./pages";
import { firstLoadJsBench } from "./first-load-js";
import { report, type BenchSuite } from "./harness";
import { benchOptions } from "./options";

const SUITES: readonly BenchSuite[] = [deadlinesBench, findATimeBench, nameSearchBench, renderDocumentBench, laDashboardBench, dataAccessBench, pagesBench, firstLoadJsBench];

let options;
try {
  options = benchOptions();
} catch (e) {
  console.error(`${e instanceof Error ? e.message : String(e)}. Usage: npm run bench -- [suite…] [--strict] [--cases N] [--rounds N] [--duration S] [--skip-build]`);
  process.exit(2);
}
const { strict, suites: only } = options;
const selected = only.length > 0 ? SUITES.filter((s) => only.includes(s.name)) : SUITES;
if (selected.length === 0) {
  console.error(`No bench named ${only.join(", ")}. Available: ${SUITES.map((s) => s.name).join(", ")}`);
  process.exit(2);
}

console.log(`node ${process.version}, TZ=${process.env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone}`);
let below = 0;
const started = performance.now();
for (const suite of selected) {
  console.log(`\n[${suite.name}]`);
  for (const comparison of await suite.run()) {
    console.log(report(comparison));
    if (!comparison.pass) below++;
  }
}
console.log(`\n${below === 0 ? "All benches at or above target." : `${below} bench(es) BELOW target.`} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
if (strict && below > 0) process.exitCode = 1;
