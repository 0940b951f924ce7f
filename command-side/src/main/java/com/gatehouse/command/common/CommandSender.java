package com.gatehouse.command.common;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.MetaDataKeys;
import com.gatehouse.api.common.Problem;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Sends commands on behalf of a caller: stamps who acts (user, role, society) into the metadata that
 * every resulting event inherits, and runs Axon's synchronous command bus off the Netty event loop.
 */
@Component
public class CommandSender {

    /** How long a REST call waits for its change to show in the read model before answering 503. */
    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final QueryGateway queries;

    public CommandSender(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public static MetaData metaDataOf(Caller caller) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(MetaDataKeys.ACTOR_ID, caller.userId().toString());
        meta.put(MetaDataKeys.ACTOR_ROLE, caller.role().name());
        if (caller.societyId() != null) {
            meta.put(MetaDataKeys.SOCIETY_ID, caller.societyId().toString());
        }
        return MetaData.from(meta);
    }

    /** Sends and completes with the handler's result (often nothing) once the events are stored. */
    public <R> Mono<R> send(Caller caller, Object command) {
        return Mono.defer(() -> Mono.fromFuture(commands.<R>send(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(metaDataOf(caller)))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Creates something and answers its view. With an {@code Idempotency-Key} the id was derived from
     * the key: a view that already exists is the first request's result and is returned as it is, and a
     * concurrent twin that loses the race to create the aggregate also answers the winner's view.
     */
    public <V> Mono<V> create(Caller caller, Object command, boolean idempotent, Object findQuery,
                              Class<V> viewType) {
        Mono<V> create = sendAndAwait(caller, command, findQuery, viewType, view -> true);
        if (!idempotent) {
            return create;
        }
        return find(findQuery, viewType).switchIfEmpty(create.onErrorResume(CommandSender::isDuplicateCreation,
                duplicate -> sendAndAwait(caller, null, findQuery, viewType, view -> true)));
    }

    /** Asks a "find one" query (answering {@code Optional<V>}) off the event loop. */
    public <V> Mono<V> find(Object findQuery, Class<V> viewType) {
        return Mono.defer(() -> Mono.fromFuture(queries.query(findQuery, ResponseTypes.optionalInstanceOf(viewType))))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty);
    }

    private static boolean isDuplicateCreation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof org.axonframework.modelling.command.ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Subscribe first, then send: opens a subscription query for the affected read-model row, sends the
     * command, and completes with the first view that satisfies {@code done}. So a REST answer always
     * shows the caller's own change, and nothing falls between the command and the read. With a null
     * command it only waits for the view. The answer is handed to another thread: the view arrives on the
     * projection's thread, which must not also encode and write the HTTP response (one projection thread
     * serves every caller waiting on it).
     */
    public <V> Mono<V> sendAndAwait(Caller caller, Object command, Object query, Class<V> viewType,
                                    Predicate<V> done) {
        return Flux.using(
                        () -> queries.subscriptionQuery(query, ResponseTypes.optionalInstanceOf(viewType),
                                ResponseTypes.instanceOf(viewType)),
                        (SubscriptionQueryResult<Optional<V>, V> subscription) ->
                                (command == null ? Mono.empty() : send(caller, command))
                                .thenMany(subscription.initialResult()
                                        .flatMap(Mono::justOrEmpty)
                                        .concatWith(subscription.updates())),
                        SubscriptionQueryResult::cancel)
                .subscribeOn(Schedulers.boundedElastic())
                .filter(done)
                .next()
                .publishOn(Schedulers.parallel())
                .timeout(VISIBILITY_TIMEOUT, Mono.error(() -> new Problem(Problem.Kind.UNAVAILABLE,
                        "The change was saved but is not visible yet; read it again in a moment")));
    }

    /** A command handler's result and the read model's view that shows it. */
    public record Answer<R, V>(R result, V view) {
    }

    /**
     * Subscribe first, then send, for changes whose view is known only from the handler's result (e.g. which
     * visit a scan opened or closed): opens the subscription query {@code watch} (its updates must cover the
     * view), sends, then answers the first view, read with {@code find.apply(result)} or received as an
     * update, that satisfies {@code done}.
     */
    public <R, V> Mono<Answer<R, V>> sendAndAwaitResult(Caller caller, Object command, Object watch, Class<V> viewType,
                                                        java.util.function.Function<R, Object> find,
                                                        java.util.function.BiPredicate<R, V> done) {
        return Flux.using(
                        () -> queries.subscriptionQuery(watch, ResponseTypes.optionalInstanceOf(viewType),
                                ResponseTypes.instanceOf(viewType)),
                        (SubscriptionQueryResult<Optional<V>, V> subscription) -> this.<R>send(caller, command)
                                .flatMapMany(result -> find(find.apply(result), viewType)
                                        .concatWith(subscription.updates())
                                        .filter(view -> done.test(result, view))
                                        .map(view -> new Answer<>(result, view))),
                        SubscriptionQueryResult::cancel)
                .subscribeOn(Schedulers.boundedElastic())
                .next()
                .publishOn(Schedulers.parallel())
                .timeout(VISIBILITY_TIMEOUT, Mono.error(() -> new Problem(Problem.Kind.UNAVAILABLE,
                        "The change was saved but is not visible yet; read it again in a moment")));
    }
}
