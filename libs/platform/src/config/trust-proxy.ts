import proxyAddr from 'proxy-addr';

/** Express's `trust proxy`, limited to the forms that name the proxies: none, a hop count, or addresses. */
export type TrustProxy = false | number | string[];

/**
 * Reads TRUST_PROXY: unset, `false` or `0` trusts no proxy (X-Forwarded-For is ignored); a
 * number trusts that many hops in front of the API; otherwise a comma-separated list of
 * addresses and CIDR ranges, or Express's names `loopback`, `linklocal` and `uniquelocal`.
 * `true` is refused: it would take the client address from whatever X-Forwarded-For a client
 * sends, which is exactly what lets one client pose as many.
 */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy } | { problem: string } {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return { value: false };
  if (value === 'true') {
    return { problem: 'true would trust any X-Forwarded-For a client sends; give the number of proxies in front of the API (e.g. 1) or their addresses' };
  }
  if (/^\d+$/.test(value)) return { value: Number(value) };
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => entry === '')) return { problem: 'has an empty entry in its list' };
  try {
    // The compiler Express itself applies the setting with: what it accepts here, Express accepts.
    proxyAddr.compile(entries);
  } catch (error) {
    return { problem: `must be a hop count, loopback, linklocal, uniquelocal or addresses/CIDR ranges (${(error as Error).message})` };
  }
  return { value: entries };
}
