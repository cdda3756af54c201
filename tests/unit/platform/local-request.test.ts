import { describe, expect, it } from "vitest";
import { isLocalRequest, isLoopbackAddress } from "@/lib/platform/security/local-request";

describe("isLocalRequest (issue 9 item 10: /dev/mailbox answers only on this machine)", () => {
  it("accepts localhost and 127.0.0.1, with or without a port, from a loopback peer", () => {
    expect(isLocalRequest({ host: "localhost:3000", peer: "127.0.0.1" })).toBe(true);
    expect(isLocalRequest({ host: "127.0.0.1:3000", peer: "::ffff:127.0.0.1" })).toBe(true);
    expect(isLocalRequest({ host: "[::1]:3000", peer: "::1" })).toBe(true);
    expect(isLocalRequest({ host: "LOCALHOST", peer: "127.0.0.1" })).toBe(true);
  });

  it("refuses another host name, even from this machine (a DNS name rebound to 127.0.0.1)", () => {
    expect(isLocalRequest({ host: "evil.example:3000", peer: "127.0.0.1" })).toBe(false);
    expect(isLocalRequest({ host: "localhost.evil.example", peer: "127.0.0.1" })).toBe(false);
    expect(isLocalRequest({ host: "192.168.1.20:3000", peer: "127.0.0.1" })).toBe(false);
    expect(isLocalRequest({ host: "", peer: "127.0.0.1" })).toBe(false);
    expect(isLocalRequest({ host: null, peer: "127.0.0.1" })).toBe(false);
  });

  it("refuses another machine, whatever Host it sends, and an unknown peer", () => {
    expect(isLocalRequest({ host: "localhost:3000", peer: "192.168.1.20" })).toBe(false);
    expect(isLocalRequest({ host: "localhost:3000", peer: "::ffff:10.0.0.5" })).toBe(false);
    expect(isLocalRequest({ host: "localhost:3000", peer: null })).toBe(false);
    expect(isLocalRequest({ host: "localhost:3000", peer: "" })).toBe(false);
  });

  it("knows loopback addresses", () => {
    expect(isLoopbackAddress("127.0.0.1")).toBe(true);
    expect(isLoopbackAddress("127.1.2.3")).toBe(true);
    expect(isLoopbackAddress("::1")).toBe(true);
    expect(isLoopbackAddress("128.0.0.1")).toBe(false);
    expect(isLoopbackAddress("localhost")).toBe(false);
  });
});
