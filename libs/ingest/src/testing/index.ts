/** The ingest module's fakes, for specs only. */
export { RecordingIngestQueue } from './recording-ingest-queue';
