/**
 * Which addresses a webhook may be sent to. Only public unicast addresses,
 * unless a network is allowed by configuration (WEBHOOK_ALLOWED_NETWORKS):
 * loopback, private (RFC 1918, RFC 4193), link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, multicast, reserved… are refused, so a
 * subscription cannot be used to probe our own network. The check runs on the
 * address the connection really uses (DNS is resolved by our lookup, then
 * checked), so a name that resolves to a private address is refused too.
 */
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import net from "node:net";
import ipaddr from "ipaddr.js";

export class AddressRefusedError extends Error {
  constructor(
    readonly address: string,
    readonly range: string,
  ) {
    super(`address ${address} is ${range}, not a public address; refused (allow its network in WEBHOOK_ALLOWED_NETWORKS)`);
    this.name = "AddressRefusedError";
  }
}

export interface AddressPolicy {
  /** Undefined when the address may be used; otherwise the reason. */
  refusal(address: string): AddressRefusedError | undefined;
}

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** `networks`: CIDRs (e.g. "127.0.0.0/8", "::1/128") allowed although not public. */
export function addressPolicy(networks: readonly string[] = []): AddressPolicy {
  const allowed: Cidr[] = networks.map((cidr) => {
    try {
      return ipaddr.parseCIDR(cidr.trim());
    } catch {
      throw new RangeError(`WEBHOOK_ALLOWED_NETWORKS: "${cidr}" is not a CIDR such as 127.0.0.0/8`);
    }
  });
  return {
    refusal(address) {
      if (!ipaddr.isValid(address)) return new AddressRefusedError(address, "not an IP address");
      // IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
      const parsed = ipaddr.process(address);
      const range = parsed.range();
      if (range === "unicast") return undefined;
      if (allowed.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits))) return undefined;
      return new AddressRefusedError(address, range);
    },
  };
}

/** A `lookup` for node:http that resolves the name, then refuses any address the policy refuses. */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as dns.LookupAddress[];
      for (const { address } of list) {
        const refused = policy.refusal(address);
        if (refused) return callback(refused, "", 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const [first] = list;
      if (!first) return callback(new Error(`${hostname} has no address`), "", 4);
      callback(null, first.address, first.family);
    });
  };
}

/** For a URL whose host is an IP literal (no lookup happens): the refusal, if any. */
export function literalRefusal(policy: AddressPolicy, hostname: string): AddressRefusedError | undefined {
  const bare = hostname.replace(/^\[|\]$/g, "");
  return net.isIP(bare) ? policy.refusal(bare) : undefined;
}
