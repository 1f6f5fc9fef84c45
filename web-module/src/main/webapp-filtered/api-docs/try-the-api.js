// Swagger UI on the server's own OpenAPI document; the requests go to this server's /api.
window.ui = SwaggerUIBundle({
  url: "../openapi",
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout",
  deepLinking: true
});
