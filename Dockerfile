# One image for both processes: the API (default command) and the worker
# (`node dist/apps/worker/src/main.js`). `node scripts/migrate.mjs` (what `npm run migrate` runs)
# applies pending migrations; `node dist/apps/api/src/create-admin.js` creates the first admin.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# Playwright (a dev dependency, for the browser tests) never downloads a browser here.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# `npm run build` compiles the server with swc (leaving out specs, test fakes and fixtures: see
# .swcrc) and the web app with Vite into dist/web, which the API serves at / (the runtime stage
# copies all of dist). The demo seed creates accounts with published passwords: it is for
# `npm run dev` only.
RUN npm run build && rm dist/apps/api/src/seed-demo.js* && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    STORAGE_DIR=/data/blobs \
    PROMPTS_DIR=/app/prompts
WORKDIR /app
RUN mkdir -p /data/blobs && chown -R node:node /data
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/prompts ./prompts
COPY --from=build --chown=node:node /app/migrations ./migrations
COPY --from=build --chown=node:node /app/scripts/migrate.mjs ./scripts/migrate.mjs
COPY --from=build --chown=node:node /app/scripts/lib/migrate.mjs ./scripts/lib/migrate.mjs
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/v1/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/apps/api/src/main.js"]
