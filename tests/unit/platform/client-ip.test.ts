import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, parseTrustedProxyHops, trustedProxyHops } from "@/lib/platform/security/client-ip";

describe("clientAddress (issue 9 item 6)", () => {
  it("with no trusted proxy (the default) ignores X-Forwarded-For and X-Real-IP and gives the socket's peer", () => {
    expect(clientAddress({ forwardedFor: "203.0.113.7", realIp: "198.51.100.1", hops: 0, peer: "192.0.2.10" })).toBe("192.0.2.10");
    // A client changing the header on every request stays one address.
    const seen = new Set(Array.from({ length: 11 }, (_, i) => clientAddress({ forwardedFor: `10.0.0.${i}`, hops: 0, peer: "192.0.2.10" })));
    expect([...seen]).toEqual(["192.0.2.10"]);
  });

  it("with N hops takes the N-th entry from the right of X-Forwarded-For, whatever the client put to its left", () => {
    expect(clientAddress({ forwardedFor: "6.6.6.6, 203.0.113.7", hops: 1, peer: "10.0.0.2" })).toBe("203.0.113.7");
    expect(clientAddress({ forwardedFor: "6.6.6.6, 203.0.113.7, 10.0.0.3", hops: 2, peer: "10.0.0.2" })).toBe("203.0.113.7");
    expect(clientAddress({ forwardedFor: "1.1.1.1,2.2.2.2,3.3.3.3", hops: 3, peer: "10.0.0.2" })).toBe("1.1.1.1");
  });

  it("with a shorter list than the hops gives its leftmost entry; without one, X-Real-IP, else the peer", () => {
    expect(clientAddress({ forwardedFor: "203.0.113.7", hops: 2, peer: "10.0.0.2" })).toBe("203.0.113.7");
    expect(clientAddress({ forwardedFor: null, realIp: "203.0.113.9", hops: 1, peer: "10.0.0.2" })).toBe("203.0.113.9");
    expect(clientAddress({ forwardedFor: " , ", hops: 1, peer: "10.0.0.2" })).toBe("10.0.0.2");
  });

  it("gives null (one 'unknown' bucket) for no peer or an entry that is not an address", () => {
    expect(clientAddress({ forwardedFor: "1.2.3.4", hops: 0, peer: null })).toBeNull();
    expect(clientAddress({ forwardedFor: "1.2.3.4, <script>", hops: 1, peer: "10.0.0.2" })).toBeNull();
    expect(clientAddress({ forwardedFor: "x".repeat(6000), hops: 1, peer: "10.0.0.2" })).toBeNull();
  });
});

describe("normaliseAddress", () => {
  it("gives IPv4-mapped addresses as IPv4, drops ports and zone ids, refuses non-addresses", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normaliseAddress("::1")).toBe("::1");
    expect(normaliseAddress("unknown")).toBeNull();
    expect(normaliseAddress("")).toBeNull();
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  it("defaults to 0 and accepts only a whole number", () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops("")).toBe(0);
    expect(parseTrustedProxyHops("2")).toBe(2);
    expect(parseTrustedProxyHops("-1")).toBeNull();
    expect(parseTrustedProxyHops("true")).toBeNull();
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "1" })).toBe(1);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "yes" })).toBe(0);
  });
});
