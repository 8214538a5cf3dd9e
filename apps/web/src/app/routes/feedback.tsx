import { FeedbackPage } from '@/features/insights/components/feedback-page';

export const Component = FeedbackPage;
