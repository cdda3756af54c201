/**
 * `npm run db:restore -- FILE [--force]` (issue 14, decision 0036). With DATABASE_URL: the
 * server's own pg_restore of the same major version, in one transaction, into an empty database
 * (--force: drop and replace what is there). Without: the embedded database's folder replaced by
 * the cold copy (only while no server runs on it; an existing folder needs --force and is kept
 * aside until the restored one has started). On any refusal it says why, changes nothing and exits 1.
 */
import { parseBackupArgs } from "./backup/args";
import { BackupError } from "./backup/common";
import { describeEmbeddedRestore, restoreEmbedded } from "./backup/embedded-backup";
import { describeServerRestore, restoreServer } from "./backup/server-backup";
import { DEV_DATA_DIR } from "./embedded-postgres";

async function main() {
  const args = parseBackupArgs(process.argv.slice(2), "restore");
  const url = process.env.DATABASE_URL;
  const file = args.file!;
  console.log(
    url
      ? describeServerRestore(await restoreServer({ url, file, force: args.force }))
      : describeEmbeddedRestore(await restoreEmbedded({ dataDir: DEV_DATA_DIR, file, force: args.force })),
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof BackupError ? e.message : e);
    process.exit(1);
  },
);
