import { session } from './auth/session';
import { ApiError } from './api/errors';

export type UploadProgress = { loaded: number; total: number };

/**
 * A multipart POST through XMLHttpRequest, whose upload.onprogress reports the bytes sent
 * (fetch cannot). Fields go before the file, as the API requires. A 401 refreshes the session
 * once and sends the form again.
 */
export async function uploadForm<T>(
  url: string,
  fields: Array<[string, string | Blob, string?]>,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<{ status: number; body: T }> {
  const token = session.accessToken();
  let result = await send<T>(url, fields, onProgress, token, signal);
  if (result.status === 401) {
    const renewed = session.accessToken() !== token || (await session.refresh());
    if (renewed) result = await send<T>(url, fields, onProgress, session.accessToken(), signal);
  }
  if (result.status >= 400) {
    const body = result.body as { code?: string; message?: string; details?: ApiError['details'] } | null;
    if (body?.code === 'account_disabled') session.end('disabled');
    throw new ApiError(result.status, body?.code ?? `http_${result.status}`, body?.message ?? 'upload refused', result.retryAfter, body?.details ?? []);
  }
  return { status: result.status, body: result.body as T };
}

function send<T>(url: string, fields: Array<[string, string | Blob, string?]>, onProgress: (p: UploadProgress) => void, token: string | null, signal?: AbortSignal) {
  return new Promise<{ status: number; body: T | null; retryAfter: number | null }>((resolve, reject) => {
    const form = new FormData();
    for (const [name, value, filename] of fields) {
      if (typeof value === 'string') form.append(name, value);
      else form.append(name, value, filename);
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'json';
    xhr.withCredentials = false;
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    xhr.onload = () => {
      const seconds = Number(xhr.getResponseHeader('retry-after'));
      resolve({ status: xhr.status, body: xhr.response as T | null, retryAfter: xhr.getResponseHeader('retry-after') && Number.isFinite(seconds) ? seconds : null });
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'the upload was cut off'));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
