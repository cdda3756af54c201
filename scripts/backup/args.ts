/** The arguments of `npm run db:backup` and `db:restore`: `--file PATH` (or the file alone, for a restore) and `--force`. */
import { BackupError } from "./common";

export const USAGE = {
  backup: "usage: npm run db:backup [-- --file PATH]",
  restore: "usage: npm run db:restore -- FILE [--force]   (--force replaces a database that is not empty)",
} as const;

export function parseBackupArgs(argv: string[], command: "backup" | "restore"): { file?: string; force: boolean } {
  let file: string | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--help" || a === "-h") throw new BackupError(USAGE[command]);
    else if (a === "--force" && command === "restore") force = true;
    else if (a === "--file") file = argv[++i];
    else if (a.startsWith("--file=")) file = a.slice("--file=".length);
    else if (!a.startsWith("-") && command === "restore" && file === undefined) file = a;
    else throw new BackupError(`Unknown argument: ${a}\n${USAGE[command]}`);
  }
  if (file === "" || (command === "restore" && !file)) throw new BackupError(`Name the backup file.\n${USAGE[command]}`);
  return { file, force };
}
