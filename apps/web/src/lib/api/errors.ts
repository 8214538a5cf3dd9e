/** An error answer of the API (its one error shape), or a request that never got an answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
    readonly details: Array<{ field: string; problem: string }> = [],
  ) {
    super(message);
  }

  static async from(response: Response): Promise<ApiError> {
    const body = (await response.json().catch(() => null)) as { code?: string; message?: string; details?: ApiError['details'] } | null;
    return new ApiError(response.status, body?.code ?? `http_${response.status}`, body?.message ?? response.statusText, retryAfter(response), body?.details ?? []);
  }
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** What to tell a person about a failed request, in words they understand. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 0:
        return 'Could not reach the server. Check your connection and try again.';
      case 429:
        return error.retryAfterSeconds != null ? `Too many requests right now. Try again in ${plural(error.retryAfterSeconds, 'second')}.` : 'Too many requests right now. Try again in a moment.';
      case 413:
        return 'This file is larger than the upload limit.';
      case 415:
        return 'This type of file is not supported. Upload PDF, Word (DOCX), Markdown, HTML or plain text.';
      case 503:
        return error.retryAfterSeconds != null
          ? `The server is restarting. Try again in ${plural(error.retryAfterSeconds, 'second')}.`
          : 'The server is not available right now. Try again in a moment.';
    }
    if (error.code === 'empty_file') return 'This file is empty.';
    if (error.status >= 500) return `Something went wrong on the server (${error.message}). Try again.`;
    if (error.details.length) return error.details.map((d) => `${d.field} ${d.problem}`).join('; ');
    return sentence(error.message);
  }
  if (error instanceof TypeError) return 'Could not reach the server. Check your connection and try again.';
  return error instanceof Error ? sentence(error.message) : 'Something went wrong. Try again.';
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const sentence = (text: string) => (text ? text[0].toUpperCase() + text.slice(1) : 'Something went wrong.');
