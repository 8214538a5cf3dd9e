import { Command } from '@nestjs/cqrs';

/** Rebuilds the vector collection for the configured embedding model and re-runs every file. */
export class ReembedCorpus extends Command<{ requeued: number }> {}
