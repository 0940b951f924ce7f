package com.gatehouse.server.config;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
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
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

            Bad input: a 400 names every offending field in `errors` with what was expected (an enum's allowed \
            values, "must be a UUID", ...), and nothing is stored. Text fields are trimmed and NFC-normalised; a \
            control character (U+0000-U+001F, U+007F-U+009F) is refused, except newline and tab in multi-line \
            fields (a rejection reason, an announcement message); so is one in a query parameter. Maxima: society \
            name 120 characters, city 80; flat block and number 20; user, staff and visitor names 120 (a VISITOR \
            request needs one); passwords 8 characters to 72 bytes of UTF-8; rejection reason 500; announcement \
            title 120, message 2000; file name 255; keys 1024; any text field 10,000. Request bodies: JSON \
            (Content-Type: application/json, else 415), at most 256 KB (spring.codec.max-in-memory-size, else 413), \
            nested at most 32 levels. `from`/`to` filters lie between 1970-01-01 and 2100-01-01. A 401 for a bad \
            token carries `WWW-Authenticate: Bearer error="invalid_token"` and says whether the token expired.

            Choices where the contract is silent: access tokens live 15 minutes (gatehouse.jwt.access-token-ttl) \
            and refresh tokens 30 days, rotating on every use (reusing a used one revokes that login); a \
            deactivated user cannot refresh, so their access ends within one access-token lifetime; after 5 \
            failed logins for one phone from one client address within 15 minutes, attempts for that phone from \
            that address answer 429 with Retry-After (other addresses are not affected), and so do all logins \
            of an address with 50 failures in that time; a \
            change answers only once the read model shows it (so a GET right after sees it), or 503 after 10 s.

            Live feeds: RSocket over WebSocket at /rsocket (and TCP on gatehouse.rsocket.tcp-port, loopback unless \
            gatehouse.rsocket.tcp-address says otherwise), JSON data, routing metadata, the JWT as bearer \
            authentication metadata in the setup frame. A connection lives no longer than that token and the access \
            it stands for: its streams end with an error frame whose message starts with `TOKEN_EXPIRED` (the token's \
            exp passed; the connection closes: refresh and reconnect, notifications.stream with since), \
            `ACCESS_CHANGED` (the user was deactivated or got another role or flat, within a second on every \
            instance: log in again), `LOGGED_OUT` (this login was logged out) or `TOO_MANY_STREAMS` (more than \
            gatehouse.rsocket.max-streams-per-connection = 32 on one connection or max-streams-per-user = 64 for one \
            user). A stream opened with a token that no longer matches its account is refused with the same codes.

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
            if (allowed == null) {
                // public (login, refresh, JWKS): no bearer token; an empty list overrides the global requirement
                operation.setSecurity(new ArrayList<>());
            }
            return operation;
        };
    }

    /** Descriptions of the tags whose controllers do not give one (one place for all of them). */
    static final Map<String, String> TAG_DESCRIPTIONS = Map.ofEntries(
            Map.entry("Auth", "Logging in (phone and password; the resident and guard apps have their own login paths that "
                    + "accept only their roles), refreshing and ending a login, the caller's own user, and the "
                    + "public keys (JWKS) that verify access tokens and staff cards."),
            Map.entry("Directory", "Societies, their flats and their users (admins, guards, residents, auditors). The platform "
                    + "admin creates societies; a society's admin manages its flats and users."),
            Map.entry("Gate", "Entry requests (a visitor, delivery, cab or service at the gate: raised by a guard, approved or "
                    + "rejected by a resident of the flat, expiring when nobody decides) and the gate log (who came "
                    + "in, who is still inside, checkout). Live: RSocket gate.requests.stream and gate.entries.stream."),
            Map.entry("Notifications", "Every user's own notifications (whatever their role, under /resident/notifications), "
                    + "read state. Live: RSocket "
                    + "notifications.stream."),
            Map.entry("Uploads", "Photos and documents go straight to the object store through pre-signed URLs: ask for an "
                    + "upload URL, PUT the bytes, confirm; view URLs are short-lived. Files never pass through the API."),
            Map.entry("Projections", "The read models (projections) for the platform admin: position, lag and progress of each "
                    + "event processor, a rebuild from the first event beside the served model, and the dead letters (events a "
                    + "read model could not apply: list, retry, evict with a reason)."),
            Map.entry("Signing keys", "The keys that sign access tokens (RS256) and staff cards (Ed25519), kept in the database "
                    + "so that every instance verifies every instance's tokens: list, rotate, retire (platform admin)."),
            Map.entry("Reports", "Aggregates over a society's history for its admins and auditors: entries per day, staff "
                    + "attendance, peak hours."),
            Map.entry("Audit", "The full event history of a society, in global order, as NDJSON (events carry no secrets; personal data opened, or null and listed as erased). Live: "
                    + "RSocket audit.events."),
            Map.entry("Emergencies", "SOS: any member raises one; every guard and admin of the society is alerted at once "
                    + "(EMERGENCY_ALERT notification and a frame on emergencies.stream); the first guard or admin to "
                    + "respond wins (later ones 409); when nobody responds within gatehouse.emergency.escalate-after it "
                    + "is alerted again, also to the reporter's block, at most 3 times; admins resolve or mark a false "
                    + "alarm. Live: RSocket emergencies.stream (guards and admins: the society; residents: their own, "
                    + "their flat's, and those escalated to their block)."),
            Map.entry("Notices", "The notice board: admins post notices (published now, or scheduled by publishAt), edit, pin "
                    + "and delete them (any admin of the society); members read the published, unexpired ones, pinned "
                    + "first; a member's first read counts a view. Publishing notifies every member. The older "
                    + "announcement endpoint posts a GENERAL notice published now."),
            Map.entry("Privacy", "People's personal data: erasing a person (a visit, a staff member, an account) by deleting "
                    + "the key their data is sealed with in the event store; the history stays, their data reads as "
                    + "erased."),
            Map.entry("Push", "The caller's devices that receive push notifications (FCM, Web Push), quiet hours and muted "
                    + "types, and for admins the society's push delivery counts. Every notification is pushed to "
                    + "each registered device of its recipient through a transactional outbox (see the README)."));

    /**
     * Every operation declares its {@code application/problem+json} errors, and every tag has a description. The
     * codes follow what {@code ProblemExceptionHandler} answers: 400 for bad input (naming the field), 401 without
     * a valid token, 403 for a role that may not call it, 404 for what does not exist (or belongs to another
     * society), 409 for a change the current state refuses, 415 for a body that is not JSON, 503 when the read
     * model does not show a change in time, 500 for anything unexpected.
     */
    @Bean
    public OpenApiCustomizer problemsAndTags() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas("Problem", problemSchema());
            Map<String, Tag> tags = new LinkedHashMap<>();
            if (openApi.getTags() != null) {
                openApi.getTags().forEach(tag -> tags.put(tag.getName(), tag));
            }
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                declareProblems(path, method, operation);
                if (operation.getTags() != null) {
                    operation.getTags().forEach(name -> {
                        Tag tag = tags.computeIfAbsent(name, n -> new Tag().name(n));
                        if (tag.getDescription() == null || tag.getDescription().isBlank()) {
                            tag.setDescription(TAG_DESCRIPTIONS.get(name));
                        }
                    });
                }
            }));
            openApi.setTags(new ArrayList<>(tags.values()));
        };
    }

    private static void declareProblems(String path, PathItem.HttpMethod method, Operation operation) {
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        boolean change = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (input) {
            problem(responses, "400", "Invalid request: the problem names each invalid field (errors)");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "415", "The body is not application/json");
        }
        if (!open) {
            problem(responses, "401", "No valid bearer token (missing, malformed or expired)");
            problem(responses, "403", "The caller's role may not call this");
        } else if (path.endsWith("/login") || path.endsWith("/refresh")) {
            problem(responses, "401", path.endsWith("/refresh") ? "The refresh token is unknown, used, revoked or expired"
                    : "Wrong phone or password, or a role this app does not serve");
        }
        if (path.endsWith("/login")) {
            problem(responses, "429", "Too many failed logins for this phone: try again after Retry-After seconds");
        }
        if (path.endsWith("/otp/send")) {
            problem(responses, "429", "Too many codes for this phone or from this address: try again after Retry-After seconds");
            problem(responses, "503", "The SMS could not be sent: try again in a moment");
        }
        if (path.endsWith("/otp/verify")) {
            problem(responses, "401", "The account of this phone is deactivated");
        }
        if (path.contains("{")) {
            problem(responses, "404", "Not found (also what belongs to another society)");
        }
        if (change && !open) {
            problem(responses, "409", "The current state refuses this change (the detail says why)");
            problem(responses, "503", "The change was made but the read model did not show it within 10 s");
        }
        problem(responses, "500", "Unexpected failure (logged on the server with the reference in the detail)");
    }

    private static void problem(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
        }
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: every error answer has this shape")
                .addProperty("type", new StringSchema().example("urn:gatehouse:problem:invalid"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("visitorName: must not be blank"))
                .addProperty("instance", new StringSchema().example("/api/v1/gate/requests"))
                .addProperty("errors", new ObjectSchema().additionalProperties(new StringSchema())
                        .description("for 400: what is wrong with each invalid field, by field name"));
    }
}
