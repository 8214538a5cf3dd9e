#!/usr/bin/env node
/* global FormData */
// Bulk ingestion: uploads every file of a folder through the API (the same pipeline as the
// admin console), shows a progress bar until each file is ready or failed, then a summary.
//
//   npm run ingest -- <folder> --department <name> [--visibility department|organization]
//                     [--api http://127.0.0.1:3000] [--concurrency 4] [--timeout 600]
//
// --timeout bounds the wait, after the last upload, for files to become ready or failed; files
// still pending then are listed and the exit code is 1, as for a failed file.
//
// Credentials of an admin come from INGEST_EMAIL / INGEST_PASSWORD, falling back to
// SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD (what `npm run dev` seeds).
import { openAsBlob } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    department: { type: 'string' },
    visibility: { type: 'string', default: 'department' },
    api: { type: 'string', default: process.env.INGEST_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}` },
    concurrency: { type: 'string', default: '4' },
    timeout: { type: 'string', default: '600' },
  },
});
const folder = positionals[0];
const timeoutSeconds = Number(values.timeout);
if (!folder || !values.department || !(timeoutSeconds > 0)) {
  console.error('usage: npm run ingest -- <folder> --department <name> [--visibility department|organization] [--api URL] [--timeout seconds]');
  process.exit(2);
}
// No single status call may hold up the wait past its deadline.
const POLL_REQUEST_TIMEOUT_MS = 30_000;
const email = process.env.INGEST_EMAIL ?? process.env.SEED_ADMIN_EMAIL;
const password = process.env.INGEST_PASSWORD ?? process.env.SEED_ADMIN_PASSWORD;
if (!email || !password) {
  console.error('Set INGEST_EMAIL and INGEST_PASSWORD (an admin) to upload.');
  process.exit(2);
}
const api = `${values.api.replace(/\/$/, '')}/api/v1`;
let token = null;

async function logIn() {
  const response = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  token = (await response.json()).accessToken;
}

/** A call with the session; logs in again once when the short-lived access token has expired. */
async function call(pathname, init = {}, retried = false) {
  const response = await fetch(`${api}${pathname}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
  if (response.status === 401 && !retried) {
    await logIn();
    return call(pathname, init, true); // FormData of file-backed blobs can be sent again
  }
  return response;
}

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

async function uploadOne(file, departmentId) {
  // openAsBlob reads from disk as the request streams: the file is never loaded whole.
  const body = new FormData();
  body.append('departmentId', departmentId); // fields before the file, as the API requires
  body.append('visibility', values.visibility);
  body.append('file', await openAsBlob(file), path.basename(file));
  const response = await call('/files', { method: 'POST', body });
  const payload = await response.json().catch(() => ({}));
  if (response.status === 200 && payload.duplicate) return { outcome: 'duplicate', id: payload.id };
  if (response.status === 202) return { outcome: 'queued', id: payload.id };
  return { outcome: 'failed', reason: `${payload.code ?? response.status}: ${payload.message ?? ''}` };
}

async function main() {
  if (!(await stat(folder)).isDirectory()) throw new Error(`${folder} is not a folder`);
  await logIn();
  const departments = await (await call('/org/departments')).json();
  const department = departments.find((d) => d.name.toLowerCase() === values.department.toLowerCase());
  if (!department) throw new Error(`no department named "${values.department}" (have: ${departments.map((d) => d.name).join(', ')})`);

  const files = [];
  for await (const file of filesUnder(folder)) files.push(file);
  const bar = new cliProgress.SingleBar({ format: '{bar} {value}/{total} files | ready {ready} · duplicate {duplicate} · failed {failed} | {phase}' }, cliProgress.Presets.shades_classic);
  const counts = { ready: 0, duplicate: 0, failed: 0 };
  const failures = [];
  const pending = new Map(); // file id → path
  bar.start(files.length, 0, { ...counts, phase: 'uploading' });
  const settle = (outcome, file, reason) => {
    counts[outcome]++;
    if (reason) failures.push(`${file}: ${reason}`);
    bar.increment(1, { ...counts });
  };

  let next = 0;
  const uploader = async () => {
    while (next < files.length) {
      const file = files[next++];
      try {
        const result = await uploadOne(file, department.id);
        if (result.outcome === 'queued') pending.set(result.id, file);
        else settle(result.outcome, file, result.reason);
      } catch (error) {
        settle('failed', file, error.message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(values.concurrency)) }, uploader));

  bar.update({ phase: 'ingesting' });
  const deadline = Date.now() + timeoutSeconds * 1000;
  let pollError = null;
  while (pending.size > 0 && Date.now() < deadline) {
    try {
      await collectSettled(department.id, pending, settle);
      pollError = null;
    } catch (error) {
      pollError = error; // an API restart is no reason to give up before the deadline
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(1000, deadline - Date.now()))));
  }
  bar.update({ phase: pending.size > 0 ? 'timed out' : 'done' });
  bar.stop();
  const stillPending = pending.size > 0 ? ` · pending ${pending.size}` : '';
  console.log(`\nready ${counts.ready} · duplicate ${counts.duplicate} · failed ${counts.failed}${stillPending} (of ${files.length})`);
  for (const failure of failures) console.log(`  failed ${failure}`);
  if (pending.size > 0) await reportPending(pending, pollError);
  process.exitCode = counts.failed > 0 || pending.size > 0 ? 1 : 0;
}

/** One list call per status and page instead of one call per file: the newest files come first. */
async function collectSettled(departmentId, pending, settle) {
  for (const status of ['ready', 'failed']) {
    let cursor = null;
    do {
      const response = await call(`/files?limit=100&status=${status}&departmentId=${departmentId}${cursor ? `&cursor=${cursor}` : ''}`, {
        signal: AbortSignal.timeout(POLL_REQUEST_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`listing files answered ${response.status}`);
      const page = await response.json();
      for (const item of page.items) {
        const file = pending.get(item.id);
        if (!file) continue;
        pending.delete(item.id);
        settle(status, file, status === 'failed' ? `${item.error?.code}: ${item.error?.message}` : null);
      }
      cursor = pending.size > 0 ? page.nextCursor : null;
    } while (cursor);
  }
}

/** Names the files that did not settle in time and where each one is, so nobody has to guess. */
async function reportPending(pending, pollError) {
  console.log(`still pending after ${timeoutSeconds} s (is a worker running?):`);
  if (pollError) console.log(`  last status check failed: ${pollError.message}`);
  const shown = [...pending].slice(0, 20);
  for (const [id, file] of shown) {
    const state = await call(`/files/${id}`, { signal: AbortSignal.timeout(POLL_REQUEST_TIMEOUT_MS) })
      .then((response) => response.json())
      .then((item) => `${item.status}${item.stage ? ` ${item.stage} ${Math.round((item.progress ?? 0) * 100)}%` : ''}`)
      .catch(() => 'status unknown');
    console.log(`  pending ${file} (${id}, ${state})`);
  }
  if (pending.size > shown.length) console.log(`  … and ${pending.size - shown.length} more`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
