package io.stompchat.system;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the REST API ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}, both open like the API's shape): every error an endpoint can
 * answer is an {@code application/problem+json} {@code Problem}. Each controller
 * annotates its own refusals ({@code @ApiResponse}); the ones every endpoint shares are
 * added here, and every 4xx and 5xx gets the problem body.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

	static final String PROBLEM_JSON = "application/problem+json";

	@Bean
	OpenAPI chatApi() {
		Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details; `error` is the stable code")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema().description("for people"))
			.addProperty("instance", new StringSchema())
			.addProperty("error", new StringSchema().description("for programs, e.g. unknown_room"));
		return new OpenAPI()
			.info(new Info().title("stomp-chat REST API")
				.version("1")
				.description("Rooms, history and the caller's identity. Live chat is STOMP over /ws: see docs/API.md."))
			.components(new Components().addSchemas("Problem", problem)
				.addSecuritySchemes("session",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.COOKIE)
							.name("SESSION")
							.description("the cookie of a form login"))
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("session"))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

	/**
	 * The refusals every endpoint shares, and the problem body of every error.
	 * @return the customizer
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				return;
			}
			for (PathItem path : openApi.getPaths().values()) {
				for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.readOperationsMap().entrySet()) {
					ApiResponses responses = entry.getValue().getResponses();
					add(responses, "401", "unauthorized: sign in first (form login or HTTP Basic)");
					add(responses, "429", "login_throttled: too many failed sign-ins; Retry-After says when to retry");
					add(responses, "500", "internal_error: the server could not handle the request");
					if (entry.getKey() != PathItem.HttpMethod.GET) {
						add(responses, "403", "invalid_csrf: send the X-CSRF-TOKEN header (GET /api/csrf)");
					}
					if (entry.getValue().getRequestBody() != null) {
						add(responses, "413", "too_large: the body is over chat.limits.request-body");
					}
					responses.forEach((code, response) -> {
						if (code.startsWith("4") || code.startsWith("5")) {
							response.setContent(new Content().addMediaType(PROBLEM_JSON,
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
						}
					});
				}
			}
		};
	}

	private static void add(ApiResponses responses, String code, String description) {
		responses.putIfAbsent(code, new ApiResponse().description(description));
	}

}
