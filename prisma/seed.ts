// `npm run db:seed`: loads the demo data (idempotent). Refused when NODE_ENV=production.
import { db } from "../lib/platform/db";
import { seedDemo } from "../lib/seed/demo";

try {
  await seedDemo(db(), console.log);
  await db().$disconnect();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
