// Swagger UI on the service's own OpenAPI document (generated from the REST DSL in routes/).
// Requests go to the same origin, so the browser sends the session it already has; writes also
// need the session's CSRF token, which /api/cuenta/csrf gives and every request then carries.
var csrfToken = null;
fetch("/api/cuenta/csrf", { credentials: "same-origin" })
  .then(function (r) { return r.ok ? r.json() : {}; })
  .then(function (j) { csrfToken = j.csrf || null; })
  .catch(function () { /* without it, reads still work */ });

window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  withCredentials: true,
  requestInterceptor: function (request) {
    // the document names the server by the address it listens on (0.0.0.0 in a container);
    // "Try it out" always goes to the origin this page came from
    request.url = request.url.replace(/^https?:\/\/[^\/]+/, window.location.origin);
    if (csrfToken) {
      request.headers["X-CSRF-Token"] = csrfToken;
    }
    return request;
  }
});
