/**
 * `npm run db:backup [-- --file PATH]` (issue 14, decision 0036). With DATABASE_URL: the server's
 * own pg_dump of the same major version, custom format (-Fc). Without: a cold copy (tar.gz) of the
 * stopped embedded database's folder (.data/dev-postgres). Default file: a timestamped one in
 * `backups/` (BACKUP_DIR). On any refusal it says why, writes nothing and exits 1.
 */
import { parseBackupArgs } from "./backup/args";
import { BackupError } from "./backup/common";
import { backupEmbedded, describeEmbeddedBackup } from "./backup/embedded-backup";
import { backupServer, describeServerBackup } from "./backup/server-backup";
import { DEV_DATA_DIR } from "./embedded-postgres";

async function main() {
  const args = parseBackupArgs(process.argv.slice(2), "backup");
  const url = process.env.DATABASE_URL;
  console.log(url ? describeServerBackup(await backupServer({ url, file: args.file })) : describeEmbeddedBackup(await backupEmbedded({ dataDir: DEV_DATA_DIR, file: args.file })));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof BackupError ? e.message : e);
    process.exit(1);
  },
);
