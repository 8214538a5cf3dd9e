export { InsightsModule } from './insights.module';
export { insightScopeOf, type InsightScope } from './domain/insight-scope';
