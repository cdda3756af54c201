// `npm run db:seed`: loads the demo data (idempotent). `npm run db:seed -- --reset`: deletes the
// demo cases (SM-DEMO-…) and everything belonging to them, then loads the demo data again.
// Both refused when NODE_ENV=production.
import { db } from "../lib/platform/db";
import { resetDemoData, seedDemo } from "../lib/seed/demo";

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--reset");
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(" ")}. Usage: npm run db:seed [-- --reset]`);
  process.exit(2);
}

try {
  if (args.includes("--reset")) await resetDemoData(db(), console.log);
  else await seedDemo(db(), console.log);
  await db().$disconnect();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
