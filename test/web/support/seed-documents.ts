/**
 * Documents the specs ask about, uploaded through the API before the browser starts: each names
 * a topic only it mentions, so a question finds exactly it.
 */
const DOCUMENTS = {
  engineering: {
    filename: 'kestrel-rotation.md',
    type: 'text/markdown',
    department: 'Engineering',
    text: [
      '# Kestrel rotation',
      '',
      'The Kestrel rotation hands over every Tuesday at 11:00 in the operations room.',
      'Each Kestrel shift lasts seven days and the outgoing engineer writes a handover note.',
      'During a Kestrel shift the engineer keeps the pager within reach at all times.',
      'Kestrel shifts are paid with a weekly allowance and time off in lieu.',
      'The Kestrel handover note lists open incidents, planned changes and known risks.',
      'Swapping a Kestrel shift needs the agreement of both engineers and a note in the calendar.',
    ].join('\n'),
  },
  people: {
    filename: 'marlin-salary-bands.md',
    type: 'text/markdown',
    department: 'People & Culture',
    text: '# Marlin salary bands\n\nThe Marlin salary bands are reviewed each March by the People team.\n',
  },
  hostile: {
    // Plain text keeps the markup as characters all the way into chunks, snippets and answers.
    filename: 'osprey-badge-policy.txt',
    type: 'text/plain',
    department: 'Engineering',
    text: [
      'Osprey badge policy',
      '',
      'Osprey badges are collected at reception <img src=x onerror="window.__xssFired = 1"> before nine.',
      'Lost Osprey badges are replaced within a day <script>window.__xssFired = 2</script> at reception.',
      'Osprey badges [click](javascript:window.__xssFired=3) must be worn visibly.',
    ].join('\n'),
  },
} as const;

export type SeededDocument = { id: string; filename: string; department: string };

export async function seedDocuments(api: string, email: string, password: string): Promise<Record<keyof typeof DOCUMENTS, SeededDocument>> {
  const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!login.ok) throw new Error(`admin login failed: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const auth = { authorization: `Bearer ${accessToken}` };
  const departments = (await (await fetch(`${api}/org/departments`, { headers: auth })).json()) as Array<{ id: string; name: string }>;
  const seeded = {} as Record<keyof typeof DOCUMENTS, SeededDocument>;
  for (const [key, doc] of Object.entries(DOCUMENTS) as Array<[keyof typeof DOCUMENTS, (typeof DOCUMENTS)[keyof typeof DOCUMENTS]]>) {
    const department = departments.find((d) => d.name === doc.department);
    if (!department) throw new Error(`no department ${doc.department}`);
    const form = new FormData();
    form.append('departmentId', department.id);
    form.append('visibility', 'department');
    form.append('file', new Blob([doc.text], { type: doc.type }), doc.filename);
    const upload = await fetch(`${api}/files`, { method: 'POST', headers: auth, body: form });
    if (upload.status !== 202 && upload.status !== 200) throw new Error(`upload of ${doc.filename} failed: ${upload.status} ${await upload.text()}`);
    const { id } = (await upload.json()) as { id: string };
    seeded[key] = { id, filename: doc.filename, department: doc.department };
  }
  await waitUntilReady(
    api,
    auth,
    Object.values(seeded).map((d) => d.id),
  );
  return seeded;
}

async function waitUntilReady(api: string, auth: Record<string, string>, ids: string[]) {
  const deadline = Date.now() + 60_000;
  for (const id of ids) {
    for (;;) {
      const file = (await (await fetch(`${api}/files/${id}`, { headers: auth })).json()) as { status: string; error?: { message: string } };
      if (file.status === 'ready') break;
      if (file.status === 'failed') throw new Error(`seed document ${id} failed: ${file.error?.message}`);
      if (Date.now() > deadline) throw new Error(`seed document ${id} still ${file.status}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
