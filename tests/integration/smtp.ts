/** A real SMTP server for integration tests: collects every message it receives. */
import { SMTPServer } from "smtp-server";
import { freePort } from "../../scripts/embedded-postgres";

export type CapturedMail = { to: string; raw: string };

export async function startCaptureSmtp() {
  const received: CapturedMail[] = [];
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, session, cb) {
      let raw = "";
      stream.on("data", (d: Buffer) => (raw += d.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { port, url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The PDF attachments of a raw captured message: each one's file name and decoded bytes. */
export function pdfAttachments(raw: string): { filename: string | null; bytes: Buffer }[] {
  const out: { filename: string | null; bytes: Buffer }[] = [];
  for (const part of raw.split(/\r?\n--[^\r\n]+(?:\r?\n|$)/)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
    if (!/^content-type:\s*application\/pdf/im.test(headers)) continue;
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1] ?? null;
    const body = part.slice(split).replace(/\s+/g, "");
    out.push({ filename, bytes: Buffer.from(body, "base64") });
  }
  return out;
}
