/** The options of this `npm run bench` run (bench/stats.ts parses them), for the suites that take any. */
import { parseBenchArgs, type BenchOptions } from "./stats";

export function benchOptions(argv: readonly string[] = process.argv.slice(2)): BenchOptions {
  return parseBenchArgs(argv);
}
