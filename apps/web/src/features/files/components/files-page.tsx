export function FilesPage() {
  return <h1>Files</h1>;
}
