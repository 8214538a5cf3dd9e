import { CookieJar } from 'tough-cookie';

/**
 * What a browser does through a sign-in, without one: keeps cookies per origin and path
 * (tough-cookie, RFC 6265) and follows redirects one at a time, so a test can stop at any hop.
 */
export class CookieJarBrowser {
  readonly jar = new CookieJar();

  async request(url: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const cookie = await this.jar.getCookieString(url);
    const response = await fetch(url, { method: init.method ?? 'GET', redirect: 'manual', headers: { ...(cookie ? { cookie } : {}), ...init.headers } });
    for (const setCookie of response.headers.getSetCookie()) await this.jar.setCookie(setCookie, url, { ignoreError: true });
    return response;
  }

  /**
   * Follows redirects from `url` until one leads to where `stopAt` says (not requested), or a
   * response is not a redirect. Returns that URL, or the last response and its URL.
   */
  async follow(url: string, stopAt: (next: URL) => boolean = () => false): Promise<{ url: string; response: Response | null }> {
    let current = url;
    for (let hops = 0; hops < 20; hops++) {
      const response = await this.request(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      await response.arrayBuffer();
      const next = new URL(location, current);
      if (stopAt(next)) return { url: next.href, response: null };
      current = next.href;
    }
    throw new Error(`more than 20 redirects from ${url}`);
  }

  async cookie(url: string, name: string): Promise<string | undefined> {
    return (await this.jar.getCookies(url)).find((cookie) => cookie.key === name)?.value;
  }
}
