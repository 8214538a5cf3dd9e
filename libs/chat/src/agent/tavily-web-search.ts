import { z } from 'zod';
import type { WebSearch, WebSearchResult } from './answer-graph.deps';

export interface TavilyWebSearchOptions {
  apiKey: string;
  /** Any Tavily-compatible endpoint; `/search` is appended. */
  baseUrl?: string;
  maxResults?: number;
  fetch?: typeof fetch;
}

const TavilyResponse = z.object({
  results: z.array(z.object({ title: z.string().default(''), url: z.string(), content: z.string().default(''), score: z.number().default(0) })),
});

export class WebSearchFailed extends Error {
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'WebSearchFailed';
  }
}

/** Web search over the Tavily HTTP API (POST /search {api_key, query, max_results}). */
export class TavilyWebSearch implements WebSearch {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: TavilyWebSearchOptions) {
    this.baseUrl = (options.baseUrl ?? 'https://api.tavily.com').replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async search(query: string, signal?: AbortSignal): Promise<WebSearchResult[]> {
    const response = await this.fetch(`${this.baseUrl}/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: this.options.apiKey, query, max_results: this.options.maxResults ?? 5 }),
      signal,
    });
    if (!response.ok) throw new WebSearchFailed(response.status, `web search answered ${response.status}`);
    const parsed = TavilyResponse.safeParse(await response.json());
    if (!parsed.success) throw new WebSearchFailed(response.status, 'web search answered an unexpected shape');
    return parsed.data.results.map(({ title, url, content, score }) => ({ title: title || url, url, content, score }));
  }
}
