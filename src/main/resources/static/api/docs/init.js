// Swagger UI for the hand-written OpenAPI document; "Try it out" sends requests to this server.
window.ui = SwaggerUIBundle({
  url: '/api/openapi.yaml',
  dom_id: '#swagger-ui',
  deepLinking: true,
  withCredentials: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout'
});
