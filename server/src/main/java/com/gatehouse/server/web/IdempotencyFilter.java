package com.gatehouse.server.web;

import com.gatehouse.api.common.Problem;
import com.gatehouse.command.common.Idempotency;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Binds each user's {@code Idempotency-Key} to the first request it came with (method, path, query and
 * body bytes), in PostgreSQL so that every instance sees it ({@link IdempotencyKeys}):
 * <ul>
 *   <li>the same key with another request answers 422 and changes nothing (so a key reused by mistake,
 *       e.g. for a scan of another staff member's card, can never answer someone else's result);</li>
 *   <li>the same key while its first request is still being handled answers 409;</li>
 *   <li>the same key with the same request goes through to the endpoint, whose own idempotency (ids
 *       derived from the key, {@link Idempotency}) answers the first result and creates nothing new.</li>
 * </ul>
 * A request refused with a 4xx (it changed nothing) frees its key again; any other outcome, or a client
 * that went away, keeps it bound for {@code gatehouse.idempotency.retention} (a day).
 * Runs after Spring Security's filters (order -100), so the caller is known; anonymous requests pass.
 */
@Component
@Order(0)
public class IdempotencyFilter implements WebFilter {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);
    /** Printable ASCII, 1 to 255 characters (a UUID is the usual choice). */
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

    private final IdempotencyKeys keys;
    private final int maxBodyBytes;

    public IdempotencyFilter(IdempotencyKeys keys,
                             @Value("${spring.codec.max-in-memory-size:256KB}") DataSize maxBody) {
        this.keys = keys;
        this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE, maxBody.toBytes());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String key = request.getHeaders().getFirst(Idempotency.HEADER);
        if (key == null || key.isBlank() || SAFE.contains(request.getMethod())) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(principal -> !(principal instanceof AnonymousAuthenticationToken))
                .map(Principal::getName).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(user -> user.isEmpty() ? chain.filter(exchange) : guarded(exchange, chain, user.get(), key.strip()));
    }

    private Mono<Void> guarded(ServerWebExchange exchange, WebFilterChain chain, String user, String key) {
        if (!KEY.matcher(key).matches()) {
            return Mono.error(Problem.invalid(Idempotency.HEADER, "must be 1 to 255 printable ASCII characters"));
        }
        ServerHttpRequest request = exchange.getRequest();
        return DataBufferUtils.join(request.getBody(), maxBodyBytes)
                .map(IdempotencyFilter::bytesOf)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> new Problem(Problem.Kind.TOO_LARGE,
                        "The request body is larger than " + maxBodyBytes + " bytes"))
                .flatMap(body -> Mono.fromCallable(() -> keys.claim(user, key, fingerprint(request, body)))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(claim -> switch (claim.outcome()) {
                            case CLAIMED -> proceed(exchange, chain, user, key, claim.startedAt(), body);
                            case IN_FLIGHT -> Mono.error(Problem.conflict("A request with this Idempotency-Key is "
                                    + "still being handled; retry once it has answered"));
                            case OTHER_REQUEST -> Mono.error(new Problem(Problem.Kind.UNPROCESSABLE, "This "
                                    + "Idempotency-Key was used for a different request (another method, path or "
                                    + "body); a new request needs a new key"));
                        }));
    }

    private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, String user, String key,
                               Instant startedAt, byte[] body) {
        var response = exchange.getResponse();
        AtomicBoolean settled = new AtomicBoolean();
        // settle before the answer leaves, so a client retrying right after it never finds the key in flight
        response.beforeCommit(() -> Mono.fromRunnable(() -> {
                    if (settled.compareAndSet(false, true)) {
                        var status = response.getStatusCode();
                        if (status != null && status.is4xxClientError()) {
                            keys.release(user, key, startedAt);
                        } else {
                            keys.done(user, key, startedAt);
                        }
                    }
                }).subscribeOn(Schedulers.boundedElastic()).then());
        ServerHttpRequest replayable = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(response.bufferFactory().wrap(body)));
            }
        };
        return chain.filter(exchange.mutate().request(replayable).build())
                .doFinally(signal -> {
                    // the client went away: the outcome is unknown, so the key stays bound to this request
                    if (signal == SignalType.CANCEL && settled.compareAndSet(false, true)) {
                        Schedulers.boundedElastic().schedule(() -> keys.done(user, key, startedAt));
                    }
                });
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** SHA-256 over method, path, query and body bytes. */
    static String fingerprint(ServerHttpRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String uri = request.getMethod().name() + " " + request.getURI().getRawPath()
                    + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery()) + "\n";
            digest.update(uri.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
