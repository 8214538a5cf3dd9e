import http from 'node:http';
import https from 'node:https';
import { ChromaNotFoundError, type Where } from 'chromadb';

export interface ChromaCollectionPath {
  tenant: string;
  database: string;
  id: string;
}

export interface NearestIds {
  ids: string[];
  distances: number[];
}

interface QueryResponse {
  ids: string[][];
  distances?: (number | null)[][] | null;
}

const QUERY_TIMEOUT_MS = 10_000;

/**
 * Chroma's REST query (`POST …/collections/{id}/query`), ids and distances only, over kept-alive
 * node:http. The search is on every chat's critical path, and the chromadb client spends about
 * twice the CPU on it (the embedding base64-encoded byte by byte, then fetch's web streams): on
 * the SciFact collection ~2 ms of the API's event loop a query against ~1 ms here, and ~1.3 ms
 * more latency. The client still creates, checks and writes the collection.
 */
export class ChromaQueryEndpoint {
  private readonly transport: typeof http | typeof https;
  private readonly agent: http.Agent;

  constructor(private readonly baseUrl: URL) {
    this.transport = baseUrl.protocol === 'https:' ? https : http;
    this.agent = new this.transport.Agent({ keepAlive: true });
  }

  async nearest(collection: ChromaCollectionPath, embedding: readonly number[], nResults: number, where?: Where): Promise<NearestIds> {
    const path = `/api/v2/tenants/${encodeURIComponent(collection.tenant)}/databases/${encodeURIComponent(collection.database)}/collections/${collection.id}/query`;
    const body = JSON.stringify({ query_embeddings: [embedding], n_results: nResults, include: ['distances'], ...(where ? { where } : {}) });
    const response = await this.post<QueryResponse>(path, body);
    return { ids: response.ids[0] ?? [], distances: (response.distances?.[0] ?? []).map((distance) => distance ?? 1) };
  }

  private post<T>(path: string, body: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const request = this.transport.request(
        new URL(path, this.baseUrl),
        { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (part: string) => (text += part));
          response.on('error', reject);
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            if (status === 404) reject(new ChromaNotFoundError(`Chroma found no such collection: ${text.slice(0, 200)}`));
            else if (status < 200 || status >= 300) reject(new Error(`Chroma query answered ${status}: ${text.slice(0, 300)}`));
            else resolveParsed(text, resolve, reject);
          });
        },
      );
      request.setTimeout(QUERY_TIMEOUT_MS, () => request.destroy(new Error(`Chroma query took longer than ${QUERY_TIMEOUT_MS} ms`)));
      request.on('error', reject);
      request.end(body);
    });
  }
}

function resolveParsed<T>(text: string, resolve: (value: T) => void, reject: (error: unknown) => void) {
  try {
    resolve(JSON.parse(text) as T);
  } catch (error) {
    reject(error);
  }
}
