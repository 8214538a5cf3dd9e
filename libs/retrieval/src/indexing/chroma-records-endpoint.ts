import http from 'node:http';
import https from 'node:https';
import { ChromaNotFoundError, type Where } from 'chromadb';

export interface ChromaCollectionPath {
  tenant: string;
  database: string;
  id: string;
}

export interface ChromaRecord {
  id: string;
  embedding: readonly number[];
  metadata: Record<string, string | number>;
}

interface QueryResponse {
  ids: string[][];
}

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Chroma's REST record endpoints for the two hot paths, over kept-alive node:http: the search's
 * query (ids only) and ingestion's upsert. The chromadb client spends much more
 * CPU on each: it base64-encodes every vector byte by byte (here a Buffer does it at once) and
 * goes through fetch's web streams, time taken from the API's event loop on every chat query and
 * from every upsert. The client still creates, checks and drops the collection and says whether the server takes
 * base64 vectors.
 */
export class ChromaRecordsEndpoint {
  private readonly transport: typeof http | typeof https;
  private readonly agent: http.Agent;

  constructor(private readonly baseUrl: URL) {
    this.transport = baseUrl.protocol === 'https:' ? https : http;
    this.agent = new this.transport.Agent({ keepAlive: true });
  }

  /** The ids of the `nResults` nearest vectors, nearest first. */
  async nearest(collection: ChromaCollectionPath, embedding: readonly number[], nResults: number, where?: Where): Promise<string[]> {
    const body = { query_embeddings: [embedding], n_results: nResults, include: [], ...(where ? { where } : {}) };
    const response = JSON.parse(await this.post(collection, 'query', body)) as QueryResponse;
    return response.ids[0] ?? [];
  }

  /** `base64`: whether the server takes vectors as base64 little-endian float32, as the client's pre-flight check says. */
  async upsert(collection: ChromaCollectionPath, records: readonly ChromaRecord[], { base64 }: { base64: boolean }): Promise<void> {
    await this.post(collection, 'upsert', {
      ids: records.map((record) => record.id),
      embeddings: records.map((record) => (base64 ? Buffer.from(Float32Array.from(record.embedding).buffer).toString('base64') : record.embedding)),
      metadatas: records.map((record) => record.metadata),
    });
  }

  private post(collection: ChromaCollectionPath, action: 'query' | 'upsert', payload: object): Promise<string> {
    const path = `/api/v2/tenants/${encodeURIComponent(collection.tenant)}/databases/${encodeURIComponent(collection.database)}/collections/${collection.id}/${action}`;
    const body = JSON.stringify(payload);
    return new Promise<string>((resolve, reject) => {
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
            else if (status < 200 || status >= 300) reject(new Error(`Chroma ${action} answered ${status}: ${text.slice(0, 300)}`));
            else resolve(text);
          });
        },
      );
      request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error(`Chroma ${action} took longer than ${REQUEST_TIMEOUT_MS} ms`)));
      request.on('error', reject);
      request.end(body);
    });
  }
}
