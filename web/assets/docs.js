// The /docs page: Swagger UI (vendored, loaded by the page before this
// module runs) rendering the service's own /openapi.json. Nothing leaves
// the origin: no validator badge, no remote spec from the query string, and
// no authorization kept in storage.
const root = document.getElementById('swagger-ui');
const error = document.querySelector('[data-testid="docs-error"]');

function fail(message) {
  root.dataset.state = 'error';
  error.textContent = message;
  error.hidden = false;
}

if (typeof window.SwaggerUIBundle !== 'function') {
  fail('The API reference viewer did not load. The API document itself is at /openapi.json.');
} else {
  window.ui = window.SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    deepLinking: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    displayRequestDuration: true,
    filter: true,
    tryItOutEnabled: false,
    persistAuthorization: false, // a pasted key stays in memory, not localStorage
    queryConfigEnabled: false, // ?url=… must not load another document
    validatorUrl: null, // the default badge calls validator.swagger.io
    withCredentials: false,
    requestInterceptor: (req) => {
      // "Try it out" calls only this origin (the CSP refuses others anyway).
      if (new URL(req.url, location.href).origin !== location.origin) {
        throw new Error(`refusing a request to another origin: ${req.url}`);
      }
      return req;
    },
    onComplete: () => { root.dataset.state = 'ready'; },
  });
}
