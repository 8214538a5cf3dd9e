import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { Metrics } from '@app/platform';
import { ChatMetrics } from './chat.ports';
import type { AnswerOutcome } from './domain/answer-ending';

@Injectable()
export class PrometheusChatMetrics extends ChatMetrics {
  private readonly firstTokenSeconds: Histogram;
  private readonly answerSeconds: Histogram<'outcome'>;
  private readonly answers: Counter<'outcome'>;
  private readonly openStreams: Gauge;

  constructor(metrics: Metrics) {
    super();
    const registers = [metrics.registry];
    this.firstTokenSeconds = new Histogram({
      name: 'chat_first_token_seconds',
      help: 'Time from the chat request reaching the process to the first answer token',
      // Fine where the objectives are (25 ms at the median, 60 ms at p95), so quantiles read from
      // the buckets are within a millisecond or two and the share under each objective is exact.
      buckets: [0.005, 0.01, 0.0125, 0.015, 0.0175, 0.02, 0.0225, 0.025, 0.0275, 0.03, 0.0325, 0.035, 0.04, 0.045, 0.05, 0.055, 0.06, 0.065, 0.07, 0.08, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.answerSeconds = new Histogram({
      name: 'chat_answer_duration_seconds',
      help: 'Time from the chat request to the end of the answer, by outcome',
      labelNames: ['outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    this.answers = new Counter({ name: 'chat_answers_total', help: 'Answers by outcome', labelNames: ['outcome'], registers });
    this.openStreams = new Gauge({ name: 'chat_open_streams', help: 'Chat streams open in this process', registers });
  }

  firstToken(seconds: number) {
    this.firstTokenSeconds.observe(seconds);
  }

  answered(outcome: AnswerOutcome, seconds: number) {
    this.answerSeconds.observe({ outcome }, seconds);
    this.answers.inc({ outcome });
  }

  streamOpened() {
    this.openStreams.inc();
  }

  streamClosed() {
    this.openStreams.dec();
  }
}
