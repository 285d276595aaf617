// A tiny SMTP sink for the e2e suite: accepts every message on SMTP_SINK_PORT (no TLS, no auth),
// keeps it in memory, and serves what it received over HTTP on SMTP_SINK_HTTP_PORT:
//   GET    /health               → 200 "ok"
//   GET    /messages?to=<email>  → { messages: [{ id, from, to, subject, text, html, raw, receivedAt }] }
//   DELETE /messages             → forget everything
// Started by playwright.config.ts as the first webServer; run as `node --import tsx e2e/support/smtp-sink.ts`.
import http from "node:http";
import { SMTPServer } from "smtp-server";
import { decodeMail } from "./mime";

export type SinkMessage = {
  id: number;
  from: string | null;
  to: string[];
  subject: string | null;
  text: string | null;
  html: string | null;
  raw: string;
  receivedAt: string;
};

const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 2527);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 3108);
const MAX_MESSAGE_BYTES = 1024 * 1024;

const messages: SinkMessage[] = [];
let nextId = 1;

const smtp = new SMTPServer({
  // Plain SMTP on loopback: no STARTTLS (nodemailer would upgrade and reject the built-in
  // self-signed certificate) and no AUTH.
  disabledCommands: ["STARTTLS", "AUTH"],
  authOptional: true,
  logger: false,
  size: MAX_MESSAGE_BYTES,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("error", (error: Error) => callback(error));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const mail = decodeMail(raw);
      const from = session.envelope.mailFrom;
      messages.push({
        id: nextId++,
        from: from ? from.address : null,
        to: session.envelope.rcptTo.map((address) => address.address.toLowerCase()),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        raw,
        receivedAt: new Date().toISOString(),
      });
      callback(null);
    });
  },
});

smtp.on("error", (error: Error) => console.error(`[smtp-sink] ${error.message}`));

const api = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", `http://127.0.0.1:${httpPort}`);
  const send = (status: number, body: unknown) => {
    response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    response.end(JSON.stringify(body));
  };
  if (url.pathname === "/health") return send(200, { status: "ok", messages: messages.length });
  if (url.pathname === "/messages" && request.method === "GET") {
    const to = url.searchParams.get("to")?.toLowerCase();
    return send(200, { messages: to ? messages.filter((message) => message.to.includes(to)) : messages });
  }
  if (url.pathname === "/messages" && request.method === "DELETE") {
    messages.length = 0;
    return send(200, { status: "cleared" });
  }
  return send(404, { error: "not found" });
});

smtp.listen(smtpPort, "127.0.0.1", () => {
  api.listen(httpPort, "127.0.0.1", () => {
    console.log(`[smtp-sink] SMTP on 127.0.0.1:${smtpPort}, messages on http://127.0.0.1:${httpPort}/messages`);
  });
});

function shutdown() {
  api.close();
  smtp.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
