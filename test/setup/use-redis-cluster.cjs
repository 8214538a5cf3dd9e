// Runs before each test file of the redis-cluster project (Jest `setupFiles`): the file's
// environment is its own copy, so the integration project's files keep the single Redis.
if (!process.env.TEST_REDIS_CLUSTER_URL) throw new Error('TEST_REDIS_CLUSTER_URL is unset: global-setup-redis-cluster.mjs did not run');
process.env.REDIS_URL = process.env.TEST_REDIS_CLUSTER_URL;
process.env.TEST_REDIS_TOPOLOGY = 'cluster';
