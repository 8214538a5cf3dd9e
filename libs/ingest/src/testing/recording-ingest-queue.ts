import { IngestQueue } from '../ingest.ports';

/** Keeps the jobs use cases enqueue, for handler specs; `down` makes enqueueing fail as a lost Redis does. */
export class RecordingIngestQueue extends IngestQueue {
  readonly files: string[] = [];
  readonly purges: string[] = [];
  readonly reembeds: string[] = [];
  down = false;

  async enqueueFile(fileId: string) {
    this.reachable();
    this.files.push(fileId);
  }
  async enqueuePurge(fileId: string) {
    this.reachable();
    this.purges.push(fileId);
  }
  async enqueueReembed(spaceId: string) {
    this.reachable();
    this.reembeds.push(spaceId);
  }
  async hasPendingFileJob() {
    return false;
  }
  async hasPendingReembedJob() {
    return false;
  }

  private reachable() {
    if (this.down) throw new Error('connect ECONNREFUSED');
  }
}
