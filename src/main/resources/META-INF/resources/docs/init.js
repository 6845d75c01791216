// Swagger UI on the service's own OpenAPI document (generated from routes/rest-api.camel.yaml).
// Requests go to the same origin, so the browser sends the login it already has.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  withCredentials: true
});
