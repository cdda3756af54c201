/**
 * `npm run seed:scale -- --cases 100000 [--seed 1] [--reset]`: fills the database (DATABASE_URL, or
 * the embedded development database through scripts/with-db.ts) with scale data for benchmarks
 * (lib/seed/scale.ts, decision 0031), with a progress bar over the batches. Applies pending
 * migrations first. Refuses, writing nothing (exit code 1), when NODE_ENV=production, when the
 * database holds a case that is neither a demo (SM-DEMO-) nor a scale (SM-SCALE-) case, and when
 * scale cases are there already without --reset (which deletes them, and only them, first).
 */
import { execFileSync } from "node:child_process";
import cliProgress from "cli-progress";
import { seedScale } from "../lib/seed/scale";

const USAGE = "Usage: npm run seed:scale -- [--cases 100000] [--seed 1] [--reset]";

function parse(argv: string[]): { cases: number; seed: number; reset: boolean } {
  const out = { cases: 100_000, seed: 1, reset: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--reset") out.reset = true;
    else if (a === "--cases" || a === "--seed") {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${a} needs a whole number of 1 or more. ${USAGE}`);
      if (a === "--cases") out.cases = v;
      else out.seed = v;
    } else if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option ${a}. ${USAGE}`);
  }
  return out;
}

async function main() {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set (npm run seed:scale sets it to the embedded development database when unset).");
    process.exit(1);
  }
  if (process.env.NODE_ENV === "production") {
    console.error("Scale data cannot be created when NODE_ENV=production. Nothing was written.");
    process.exit(1);
  }
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "pipe" });
  const bar = new cliProgress.SingleBar({ format: "{stage} [{bar}] {value}/{total} cases · {duration}s", hideCursor: true, noTTYOutput: true, notTTYSchedule: 5_000 }, cliProgress.Presets.shades_classic);
  let started = false;
  let lastStage = "";
  const t0 = performance.now();
  try {
    const result = await seedScale(url, {
      cases: args.cases,
      seed: args.seed,
      reset: args.reset,
      onProgress: (done, total, stage) => {
        if (process.env.SCALE_DEBUG && stage !== lastStage) console.error(`\n${((performance.now() - t0) / 1000).toFixed(1)} s: ${stage}`);
        lastStage = stage;
        if (!started) {
          bar.start(total, done, { stage });
          started = true;
        } else bar.update(done, { stage });
      },
    });
    bar.stop();
    const c = result.counts;
    console.log(`Scale data ready in ${result.seconds.toFixed(1)} s: ${(c.Case ?? 0).toLocaleString("en-GB")} cases, ${(c.CaseEvent ?? 0).toLocaleString("en-GB")} timeline entries, ${c.LocalAuthority} local authorities.`);
    console.log(Object.entries(c).map(([k, v]) => `  ${k}: ${v.toLocaleString("en-GB")}`).join("\n"));
    const s = result.subjects;
    console.log(`Sign in (staff password "${s.password}"): ${s.caseworkerEmail} (caseworker), ${s.mediatorEmail} (mediator), ${s.laOfficerEmail} (officer of the largest LA); family: ${s.familyEmail} (by emailed link).`);
  } catch (e) {
    if (started) bar.stop();
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}

void main();
