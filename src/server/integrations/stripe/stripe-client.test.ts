import { describe, expect, it } from "vitest";
import { stripeConfigured, stripeConnection } from "./stripe-client";

describe("stripeConnection", () => {
  it("splits an API base URL into the SDK's host, port and protocol", () => {
    expect(stripeConnection("http://127.0.0.1:12111")).toEqual({ host: "127.0.0.1", port: 12111, protocol: "http" });
    expect(stripeConnection("https://api.stripe.com")).toEqual({ host: "api.stripe.com", port: 443, protocol: "https" });
    expect(stripeConnection("http://stripe-mock/")).toEqual({ host: "stripe-mock", port: 80, protocol: "http" });
    expect(stripeConnection("http://[::1]:8080")).toEqual({ host: "::1", port: 8080, protocol: "http" });
  });

  it("refuses what the SDK would silently get wrong", () => {
    expect(() => stripeConnection("https://proxy.example/stripe")).toThrow(/no path/);
    expect(() => stripeConnection("ftp://api.stripe.com")).toThrow(/http/);
  });
});

describe("stripeConfigured", () => {
  it("needs the key and the webhook secret", () => {
    expect(stripeConfigured({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" })).toBe(true);
    expect(stripeConfigured({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: undefined })).toBe(false);
    expect(stripeConfigured({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined })).toBe(false);
  });
});
