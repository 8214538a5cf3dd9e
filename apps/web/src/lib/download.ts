import { authorizedFetch } from './api/http';
import { ApiError } from './api/errors';

/**
 * Saves a file the API serves only with a bearer token: fetched as a blob, then handed to the
 * browser as a download. Never opened as a page: a blob URL runs with this app's origin, so an
 * uploaded HTML document opened in a tab could run its scripts here.
 */
export async function downloadFile(fileId: string, filename: string): Promise<void> {
  const response = await authorizedFetch(`/api/v1/files/${encodeURIComponent(fileId)}/content`);
  if (!response.ok) throw await ApiError.from(response);
  const blob = await response.blob();
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; a moment later the URL may go.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
