import { useState, type DragEvent } from 'react';

/** The document types the server ingests, for the file picker's filter. */
const DOCUMENT_TYPES = '.pdf,.docx,.md,.markdown,.txt,.html,.htm,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain,text/html';

/** Drag-and-drop onto an element: whether files are over it, and the handlers to spread on it. */
export function useFileDrop(onFiles: (files: FileList) => void) {
  const [over, setOver] = useState(false);
  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setOver(false);
      onFiles(event.dataTransfer.files);
    },
  };
  return { over, dropHandlers };
}

/** A hidden multi-file picker for the document types; a `<label htmlFor={id}>` opens it. */
export function DocumentPicker({ id, onFiles }: { id: string; onFiles: (files: FileList) => void }) {
  return (
    <input
      id={id}
      className="file-input"
      type="file"
      multiple
      accept={DOCUMENT_TYPES}
      onChange={(event) => {
        // onFiles copies the list at once: clearing the input (so that picking the same file again
        // is a change too) empties it.
        if (event.target.files) onFiles(event.target.files);
        event.target.value = '';
      }}
    />
  );
}
