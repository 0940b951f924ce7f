package com.gatehouse.server.config;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The OpenAPI description (Swagger UI at /swagger-ui.html): every endpoint says which roles may call it. */
@Configuration
public class OpenApiConfig {

    static final String DESCRIPTION = """
            Gatehouse runs the gate of a gated residential society: guards raise entry requests, residents \
            approve them live, domestic staff check in and out, auditors read the full history.

            Conventions: JSON with camelCase fields, UUID ids, ISO-8601 UTC times. Every endpoint except \
            login/refresh, health and JWKS needs `Authorization: Bearer <JWT>`. Errors are \
            `application/problem+json` (`type`, `title`, `status`, `detail`, and `errors` per field for \
            validation). Resources of another society answer 404, never 403. Lists take `?page=1&limit=20` \
            (1-based, limit at most 100), newest first, and answer `{"<items>": [...], "pagination": \
            {total, page, limit, totalPages}}`. POSTs that create something honour `Idempotency-Key`: the same \
            key from the same user answers the first result and creates nothing new. A key belongs to the first \
            request it came with (method, path, body) for a day: with another request it answers 422, and while \
            the first is still being handled 409, both changing nothing.

            Choices where the contract is silent: access tokens live 15 minutes (gatehouse.jwt.access-token-ttl) \
            and refresh tokens 30 days, rotating on every use (reusing a used one revokes that login); a \
            deactivated user cannot refresh, so their access ends within one access-token lifetime; after 5 \
            failed logins for one phone from one client address within 15 minutes, attempts for that phone from \
            that address answer 429 with Retry-After (other addresses are not affected), and so do all logins \
            of an address with 50 failures in that time; a \
            change answers only once the read model shows it (so a GET right after sees it), or 503 after 10 s.

            Live feeds: RSocket over WebSocket at /rsocket (and TCP on gatehouse.rsocket.tcp-port), JSON data, \
            routing metadata, the JWT as bearer authentication metadata in the setup frame.

            Notifications: every logged-in user, whatever their role, has their own notifications under \
            /resident/notifications (the path the apps already call); another user's notification answers 404. \
            `PATCH /{id}/read` answers the notification, `PATCH /read-all` answers {updated: n, count: n} (the \
            contract's name and the older apps' name for the same number). The RSocket route \
            `notifications.stream` (data `{}` or `{since}`) sends notification objects: the unread ones first \
            (oldest first), then new ones as they are sent and read-state changes made on other devices. \
            `{since: <notification id>}` sends instead every notification sent after that one (and every one read \
            after it) before going live, so a reconnecting app misses nothing and gets nothing twice; `{since: \
            <ISO-8601 time>}` does the same from a time; an unknown id falls back to the unread ones. Frames go out \
            as the client requests them; at most 256 wait for a client (64 more queued for sending): a client \
            that falls further behind gets an error and its connection is closed: reconnect with since. Admins notify their whole society with \
            `POST /admin/societies/{societyId}/announcements`.""";

    @Bean
    public OpenAPI gatehouseOpenApi() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        return new OpenAPI()
                .info(new Info().title("Gatehouse API").version("v1").description(DESCRIPTION))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Appends "Roles: ..." from {@link Allowed} to each operation's description. */
    @Bean
    public OperationCustomizer rolesInDescription() {
        return (operation, handler) -> {
            Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Allowed.class);
            if (allowed == null) {
                allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Allowed.class);
            }
            String roles = allowed == null ? "public (no token needed)"
                    : Arrays.stream(allowed.value()).map(Enum::name).collect(Collectors.joining(", "));
            String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
            operation.setDescription(description + "Roles: " + roles);
            return operation;
        };
    }
}
