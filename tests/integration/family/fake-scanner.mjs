#!/usr/bin/env node
/**
 * A stand-in virus scanner for the tests of the scanning hook (UPLOAD_SCAN_COMMAND), speaking
 * ClamAV's language: reads the file on standard input; exit 1 ("infected") when it holds the EICAR
 * test signature, 0 when clean. `error` as the first argument: exit 2 (the scanner failed);
 * `hang`: never answers.
 */
const mode = process.argv[2];
if (mode === "hang") setInterval(() => {}, 1000);
else {
  const chunks = [];
  process.stdin.on("data", (c) => chunks.push(c));
  process.stdin.on("end", () => {
    if (mode === "error") process.exit(2);
    process.exit(Buffer.concat(chunks).includes("EICAR-STANDARD-ANTIVIRUS-TEST-FILE") ? 1 : 0);
  });
}
