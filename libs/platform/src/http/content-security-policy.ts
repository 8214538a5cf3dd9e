/**
 * The Content-Security-Policy of every response, the web app's and the API's: no inline or
 * foreign script, requests only to this origin (REST and the SSE streams), and `blob:` where
 * the app shows or downloads a file it fetched with its token (an object URL). Without
 * `upgrade-insecure-requests`: a plain-http deployment (localhost) must keep working; TLS and
 * HSTS are the proxy's and helmet's concern.
 */
export const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    // Inline style attributes (set by React and by the Swagger UI) cannot run code.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameSrc: ["'self'", 'blob:'],
    mediaSrc: ["'self'", 'blob:'],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};
