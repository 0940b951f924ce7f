package com.gatehouse.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every operation of the server's own OpenAPI description (/v3/api-docs) bad input, with a valid
 * token of every role: missing and extra fields, wrong JSON types, huge and control-character strings,
 * invalid ids, out-of-range paging and dates, malformed, deeply nested and 1 MB bodies, wrong content
 * types; every second POST with an {@code Idempotency-Key}. Passes when no answer is a 5xx, no refused (4xx) request stored an event, input that must be
 * refused (control characters, invalid ids or enums, over-long strings) never succeeds, and a guard can
 * still raise a request that a resident approves afterwards.
 * <p>
 * Requests go one at a time against a society of their own, so an event stored during a refused request
 * is attributed by its metadata (the society, or the platform admin acting) and its correlation id. Runs in
 * about a minute: every input with the first role an operation allows, a sample with the other roles.
 */
class ApiFuzzTest extends IntegrationTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "x".repeat(100_000);
    private static final int MB = 1024 * 1024;
    private static final String ADDRESS = "198.19.7." + (1 + new java.util.Random().nextInt(250));
    private static final List<String> ROLES = List.of("SUPER_ADMIN", "ADMIN", "GUARD", "RESIDENT", "AUDITOR");

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Input(String label, String path, String contentType, String body, boolean mustRefuse) {
    }

    record Operation(String method, String template, JsonNode spec) {
        String name() {
            return method + " " + template;
        }
    }

    private int sent;
    private Api.Society society;
    private Api.User platform;
    private final List<String> findings = new ArrayList<>();
    private final Map<String, int[]> counts = new TreeMap<>();
    private final Map<String, Long> millis = new java.util.HashMap<>();
    private final Map<String, Integer> kinds = new TreeMap<>();

    /** The roles an operation declares ("Roles: ADMIN, GUARD" at the end of its description). */
    private static List<String> allowedRoles(Operation op) {
        String description = op.spec().path("description").asText();
        int at = description.lastIndexOf("Roles: ");
        return at < 0 ? ROLES : List.of(description.substring(at + 7).trim().split(",\\s*"));
    }

    @Test
    void badInputNeverAnswers5xxNorStoresAnEventAndTheGateStillWorks() throws Exception {
        society = api().newSociety();
        platform = api().platformAdmin();
        Map<String, Api.User> byRole = new LinkedHashMap<>();
        byRole.put("SUPER_ADMIN", platform);
        byRole.put("ADMIN", society.admin());
        byRole.put("GUARD", society.guard());
        byRole.put("RESIDENT", society.residentA1());
        byRole.put("AUDITOR", society.auditor());

        JsonNode docs = json.readTree(send("GET", "/v3/api-docs", null, null, null).body());
        List<Operation> operations = new ArrayList<>();
        docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
            }
        }));
        assertThat(operations).hasSizeGreaterThan(40);

        long started = System.nanoTime();
        int total = 0;
        for (Operation op : operations) {
            List<Input> inputs = inputs(docs, op);
            boolean isPublic = op.template().startsWith("/api/v1/auth/") && !op.template().endsWith("/me")
                    && !op.template().endsWith("/logout") || !op.template().startsWith("/api/");
            List<String> allowed = allowedRoles(op);
            long opStarted = System.nanoTime();
            // every input once with the first role the operation allows (a society's role when it allows one),
            // every fourth with its other roles, every eighth with the roles it refuses (403 whatever the input)
            String main = allowed.stream().filter(r -> !r.equals("SUPER_ADMIN")).findFirst().orElse("SUPER_ADMIN");
            List<String> roles = isPublic ? List.of("SUPER_ADMIN") : ROLES;
            for (int r = 0; r < roles.size(); r++) {
                String role = roles.get(r);
                int step = isPublic || role.equals(main) ? 1 : allowed.contains(role) ? 4 : 8;
                for (int i = r % step; i < inputs.size(); i += step) {
                    total++;
                    exchange(op, role, byRole.get(role), inputs.get(i));
                }
            }
            millis.put(op.name(), (System.nanoTime() - opStarted) / 1_000_000);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.println("API fuzz: requests per operation (sent / 2xx / 4xx / 5xx)");
        counts.forEach((name, c) -> System.out.printf("  %-70s %5d %4d %5d %3d %6d ms%n", name, c[0], c[1], c[2], c[3],
                millis.getOrDefault(name, 0L)));
        System.out.println("API fuzz: requests per kind of input");
        kinds.forEach((kind, n) -> System.out.printf("  %-50s %5d%n", kind, n));
        System.out.printf("API fuzz: %d operations, %d requests in %.1f s, %d findings%n", operations.size(), total,
                seconds, findings.size());
        findings.forEach(f -> System.out.println("  FINDING " + f));

        assertThat(findings).as("5xx answers, refused requests that stored events, bad input accepted").isEmpty();
        stillWorks();
    }

    /** The gate after the storm: a guard raises, a resident approves. */
    private void stillWorks() {
        JsonNode raised = api().create(society.guard(), "/gate/requests", Map.of("type", "DELIVERY",
                "flatId", society.flatA().toString(), "providerTag", "SWIGGY", "visitorName", "Rider"));
        JsonNode approved = api().patch(society.residentA1(), "/gate/requests/{id}/approve", Map.of(),
                raised.get("id").asText()).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("entryId").isNull()).isFalse();
    }

    /** What kind of bad input a label stands for: the label without the field's name or the exact value. */
    private static String kind(String label) {
        return label.replaceFirst("^(path|query) (\\w+)=.*", "$1: $2 = bad value")
                .replaceFirst("^\\w+ (missing|null|object|array|boolean|huge|control|padded|decomposed|blank|number|"
                        + "not its format|far date|negative|text|long max|10k items|\\[null]|\\[bad id]|\\[object]|string)",
                        "field $1")
                .replaceFirst("^(field control|body) .*", "$1 ...");
    }

    private void exchange(Operation op, String role, Api.User user, Input input) throws Exception {
        kinds.merge(kind(input.label()), 1, Integer::sum);
        long before = lastEvent();
        HttpResponse<String> response;
        try {
            response = send(op.method(), input.path(), user, input.contentType(), input.body());
        } catch (java.io.IOException e) {
            // the server may close the connection on a body it refuses to read to the end: not a 5xx
            count(op, 4);
            return;
        }
        int status = response.statusCode();
        count(op, status);
        String what = op.name() + " as " + role + " with " + input.label() + " -> " + status;
        if (status >= 500) {
            findings.add(what + " " + abbreviate(response.body()));
        } else if (status >= 400) {
            List<String> stored = eventsSince(before);
            if (!stored.isEmpty()) {
                findings.add(what + " but stored " + stored);
            }
            // 414 and 431 come from the HTTP codec itself, before any of the application's filters
            if (!response.headers().firstValue("content-type").orElse("").contains("problem+json")
                    && status != 414 && status != 431) {
                findings.add(what + " without problem+json: " + response.headers().firstValue("content-type"));
            }
        } else {
            if (input.mustRefuse()) {
                findings.add(what + " (accepted) " + abbreviate(response.body()));
            }
            if (lastEvent() != before) {
                settle();
            }
        }
    }

    private void count(Operation op, int status) {
        int[] c = counts.computeIfAbsent(op.name(), k -> new int[4]);
        c[0]++;
        c[status >= 500 ? 3 : status >= 400 ? 2 : 1]++;
    }

    private HttpResponse<String> send(String method, String path, Api.User user, String contentType, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        // a client address of its own (the test server trusts loopback as a proxy): login failures sent here
        // count against this address only
        request.header("X-Forwarded-For", ADDRESS);
        if (user != null) {
            request.header("Authorization", user.bearer());
        }
        if ("POST".equals(method) && ++sent % 2 == 0) {
            request.header("Idempotency-Key", "fuzz-" + sent);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- what a refused request may have stored ----

    private long lastEvent() {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    }

    /**
     * Events since the mark, of the fuzzed society or caused by the platform admin, that start a new chain: their
     * correlation id (the id of the user's command that began it) is not among the events up to the mark. Events
     * that an earlier success goes on causing (notifications fanned out, expiries, overstays) carry that earlier
     * command's correlation id and are not counted.
     */
    private List<String> eventsSince(long mark) {
        Long fresh = jdbc.queryForObject("""
                        select count(*) from domain_event_entry where global_index > ?
                        and (convert_from(meta_data, 'UTF8') like ? or convert_from(meta_data, 'UTF8') like ?)""",
                Long.class, mark, "%" + society.id() + "%", "%" + platform.id() + "%");
        if (fresh == 0) {
            return List.of();
        }
        return jdbc.queryForList("""
                        select e.payload_type from domain_event_entry e where e.global_index > ?
                        and (convert_from(e.meta_data, 'UTF8') like ? or convert_from(e.meta_data, 'UTF8') like ?)
                        and not exists (select 1 from domain_event_entry o where o.global_index <= ?
                            and convert_from(o.meta_data, 'UTF8')::jsonb ->> 'correlationId'
                              = convert_from(e.meta_data, 'UTF8')::jsonb ->> 'correlationId')""",
                        String.class, mark, "%" + society.id() + "%", "%" + platform.id() + "%", mark)
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    /** After a change, lets the events it causes (notifications, ...) be stored before the next request. */
    private void settle() throws InterruptedException {
        Thread.sleep(50);
    }

    // ---- the inputs ----

    private List<Input> inputs(JsonNode docs, Operation op) {
        List<Input> inputs = new ArrayList<>();
        List<JsonNode> pathParams = new ArrayList<>();
        List<JsonNode> queryParams = new ArrayList<>();
        op.spec().path("parameters").forEach(p -> {
            if ("path".equals(p.path("in").asText())) {
                pathParams.add(p);
            } else if ("query".equals(p.path("in").asText())) {
                queryParams.add(p);
            }
        });
        Map<String, String> validPath = new LinkedHashMap<>();
        pathParams.forEach(p -> validPath.put(p.get("name").asText(), validPathValue(p.get("name").asText())));
        String base = expand(op.template(), validPath);

        // invalid ids in the path
        for (JsonNode p : pathParams) {
            for (String bad : List.of("not-a-uuid", "1", "%00", "%20", "x".repeat(300), UUID.randomUUID().toString(),
                    "00000000-0000-0000-0000-000000000000", "..%2F..%2Factuator")) {
                Map<String, String> values = new LinkedHashMap<>(validPath);
                values.put(p.get("name").asText(), bad);
                inputs.add(new Input("path " + p.get("name").asText() + "=" + abbreviate(bad),
                        expand(op.template(), values), null, null, false));
            }
        }
        // bad query values, one parameter at a time
        for (JsonNode p : queryParams) {
            String name = p.get("name").asText();
            for (String bad : badQueryValues(docs, p.path("schema"))) {
                inputs.add(new Input("query " + name + "=" + abbreviate(bad), base + "?" + name + "="
                        + URLEncoder.encode(bad, StandardCharsets.UTF_8), null, null, false));
            }
        }
        if (!queryParams.isEmpty()) {
            inputs.add(new Input("negative paging", base + "?page=-1&limit=-5", null, null, false));
            inputs.add(new Input("huge paging", base + "?page=2147483647&limit=2147483647", null, null, false));
            inputs.add(new Input("repeated params", base + "?page=1&page=2&limit=1&limit=x", null, null, false));
        }

        JsonNode requestBody = op.spec().path("requestBody");
        String json = "application/json";
        if (requestBody.isMissingNode()) {
            // operations without a body get one anyway
            inputs.add(new Input("unexpected 1 MB body", base, json, "[" + "1,".repeat(MB / 2) + "1]", false));
            return inputs;
        }
        JsonNode schema = resolve(docs, requestBody.path("content").path("application/json").path("schema"));
        ObjectNode valid = schema.path("properties").isObject() ? validBody(docs, schema) : NODES.objectNode();

        inputs.add(new Input("no body", base, json, null, false));
        inputs.add(new Input("empty body", base, json, "", false));
        for (String raw : List.of("null", "[]", "123", "\"text\"", "{", "{\"a\":}", "{\"a\":1}}", "\u0000",
                "{\"a\":\"\\ud800\"}", "{'single':'quotes'}")) {
            inputs.add(new Input("body " + abbreviate(raw), base, json, raw, false));
        }
        inputs.add(new Input("text/plain", base, "text/plain", valid.toString(), false));
        inputs.add(new Input("no content type", base, null, valid.toString(), false));
        inputs.add(new Input("xml", base, "application/xml", "<a/>", false));
        inputs.add(new Input("json charset latin1", base, "application/json;charset=ISO-8859-1", valid.toString(), false));
        inputs.add(new Input("all fields missing", base, json, "{}", false));
        inputs.add(new Input("extra field", base, json, with(valid, "unexpected", NODES.textNode("x")).toString(), false));
        inputs.add(new Input("nested 100k arrays", base, json, "[".repeat(100_000) + "]".repeat(100_000), true));
        inputs.add(new Input("nested 5k objects", base, json, "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), true));
        inputs.add(new Input("1 MB string field", base, json,
                with(valid, firstStringField(docs, schema), NODES.textNode("x".repeat(MB))).toString(), true));

        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            var property = properties.next();
            String field = property.getKey();
            JsonNode type = resolve(docs, property.getValue());
            inputs.add(new Input(field + " missing", base, json, without(valid, field).toString(), false));
            inputs.add(new Input(field + " null", base, json, with(valid, field, NODES.nullNode()).toString(), false));
            inputs.add(new Input(field + " object", base, json, with(valid, field, NODES.objectNode().put("a", 1)).toString(),
                    !"object".equals(type.path("type").asText())));
            boolean array = "array".equals(type.path("type").asText());
            if (!array) {
                inputs.add(new Input(field + " array", base, json, with(valid, field, NODES.arrayNode().add("x")).toString(), true));
            }
            inputs.add(new Input(field + " boolean", base, json, with(valid, field, NODES.booleanNode(true)).toString(),
                    !"boolean".equals(type.path("type").asText())));
            inputs.add(new Input(field + " huge number", base, json, with(valid, field, NODES.numberNode(new java.math.BigInteger("9".repeat(400)))).toString(), false));
            switch (type.path("type").asText()) {
                case "string" -> {
                    boolean constrained = type.has("format") || type.has("enum") || type.has("pattern");
                    inputs.add(new Input(field + " huge", base, json, with(valid, field, NODES.textNode(HUGE)).toString(), true));
                    for (String bad : List.of("a\u0000b", "esc\u001b[31m", "c1\u0085x")) {
                        inputs.add(new Input(field + " control " + abbreviate(bad), base, json,
                                with(valid, field, NODES.textNode(bad)).toString(), true));
                    }
                    inputs.add(new Input(field + " padded", base, json,
                            with(valid, field, NODES.textNode("  " + valid.path(field).asText() + "  ")).toString(), false));
                    inputs.add(new Input(field + " decomposed", base, json,
                            with(valid, field, NODES.textNode("Jose\u0301")).toString(), false));
                    inputs.add(new Input(field + " blank", base, json, with(valid, field, NODES.textNode("   ")).toString(), false));
                    inputs.add(new Input(field + " number", base, json, with(valid, field, NODES.numberNode(12345)).toString(), false));
                    if (constrained) {
                        inputs.add(new Input(field + " not its format", base, json,
                                with(valid, field, NODES.textNode("not-a-valid-value")).toString(), true));
                        inputs.add(new Input(field + " far date", base, json,
                                with(valid, field, NODES.textNode("+999999999-12-31T23:59:59Z")).toString(), false));
                    }
                }
                case "integer", "number" -> {
                    inputs.add(new Input(field + " negative", base, json, with(valid, field, NODES.numberNode(-1)).toString(), false));
                    inputs.add(new Input(field + " text", base, json, with(valid, field, NODES.textNode("ten")).toString(), true));
                    inputs.add(new Input(field + " long max", base, json, with(valid, field, NODES.numberNode(Long.MAX_VALUE)).toString(), false));
                }
                case "array" -> {
                    ArrayNode many = NODES.arrayNode();
                    for (int i = 0; i < 10_000; i++) {
                        many.add(UUID.randomUUID().toString());
                    }
                    inputs.add(new Input(field + " 10k items", base, json, with(valid, field, many).toString(), true));
                    inputs.add(new Input(field + " [null]", base, json, with(valid, field, NODES.arrayNode().addNull()).toString(), false));
                    inputs.add(new Input(field + " [bad id]", base, json, with(valid, field, NODES.arrayNode().add("nope")).toString(), true));
                    inputs.add(new Input(field + " [object]", base, json, with(valid, field, NODES.arrayNode().add(NODES.objectNode())).toString(), true));
                    inputs.add(new Input(field + " string", base, json, with(valid, field, NODES.textNode("x")).toString(), false));
                }
                default -> {
                }
            }
        }
        return inputs;
    }

    private List<String> badQueryValues(JsonNode docs, JsonNode schemaRef) {
        JsonNode schema = resolve(docs, schemaRef);
        List<String> values = new ArrayList<>(List.of("", "x".repeat(3_000), "a\u0000b", "\u001b", "'; drop table x; --"));
        switch (schema.path("type").asText()) {
            case "integer", "number" -> values.addAll(List.of("-1", "0", "2147483648", "99999999999999999999", "1e3", "abc"));
            case "boolean" -> values.add("maybe");
            default -> values.addAll(List.of("9999-12-31", "0001-01-01", "+999999999-12-31T23:59:59Z",
                    "-999999999-01-01T00:00:00Z", "2025-13-45", "2025-01-01T25:00:00Z", "not-a-uuid", "NOPE"));
        }
        return values;
    }

    private String validPathValue(String name) {
        return switch (name) {
            case "societyId" -> society.id().toString();
            case "flatId" -> society.flatA().toString();
            case "name" -> "no-such-projection";
            default -> UUID.randomUUID().toString();
        };
    }

    private static String expand(String template, Map<String, String> values) {
        String path = template;
        for (var e : values.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        return path;
    }

    /** A body that passes validation where the schema allows it: real ids of the society, plausible values. */
    private ObjectNode validBody(JsonNode docs, JsonNode schema) {
        ObjectNode body = NODES.objectNode();
        schema.path("properties").fields().forEachRemaining(p -> body.set(p.getKey(),
                validValue(docs, p.getKey(), resolve(docs, p.getValue()))));
        return body;
    }

    private JsonNode validValue(JsonNode docs, String field, JsonNode type) {
        if (type.has("enum")) {
            List<String> values = new ArrayList<>();
            type.get("enum").forEach(v -> values.add(v.asText()));
            String preferred = values.contains("GUARD") ? "GUARD" : values.contains("ENTRY_PHOTO") ? "ENTRY_PHOTO"
                    : values.contains("DELIVERY") ? "DELIVERY" : values.get(0);
            return NODES.textNode(preferred);
        }
        return switch (type.path("type").asText()) {
            case "integer", "number" -> NODES.numberNode(1000);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(validValue(docs, field, resolve(docs, type.path("items"))));
            case "object" -> validBody(docs, type);
            default -> {
                if ("uuid".equals(type.path("format").asText()) || field.toLowerCase().endsWith("id")
                        || field.toLowerCase().endsWith("ids")) {
                    yield NODES.textNode(society.flatA().toString());
                }
                yield NODES.textNode(switch (field) {
                    case "phone", "visitorPhone" -> Api.uniquePhone();
                    case "password" -> "fuzz-password-1";
                    case "fileName" -> "photo.jpg";
                    case "mimeType" -> "image/jpeg";
                    default -> "Fuzz " + field;
                });
            }
        };
    }

    private JsonNode resolve(JsonNode docs, JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            s = docs.at(ref.substring(1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(docs, s.get("allOf").get(0));
        }
        return s;
    }

    private String firstStringField(JsonNode docs, JsonNode schema) {
        var it = schema.path("properties").fields();
        while (it.hasNext()) {
            var p = it.next();
            if ("string".equals(resolve(docs, p.getValue()).path("type").asText())) {
                return p.getKey();
            }
        }
        return "unexpected";
    }

    private static ObjectNode with(ObjectNode valid, String field, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        copy.set(field, value);
        return copy;
    }

    private static ObjectNode without(ObjectNode valid, String field) {
        ObjectNode copy = valid.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static String abbreviate(String text) {
        String visible = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return visible.length() > 40 ? visible.substring(0, 37) + "...(" + visible.length() + ")" : visible;
    }
}
