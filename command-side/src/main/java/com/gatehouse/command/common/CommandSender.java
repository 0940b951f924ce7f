package com.gatehouse.command.common;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.MetaDataKeys;
import com.gatehouse.api.common.Problem;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends commands on behalf of a caller: stamps who acts (user, role, society) into the metadata that
 * every resulting event inherits, and runs Axon's synchronous command bus off the Netty event loop.
 * <p>
 * Read-your-writes, the one way to answer a change with its view: {@link #create}, {@link #sendAndRead},
 * {@link #sendAndReadResult} and {@link #sendVisible} send the command, learn from its result which aggregate
 * versions it wrote ({@link AppliedEvents}), wait until the read model that answers the find query (its
 * {@link com.gatehouse.api.common.ReadModel} group) has applied them, on whichever instance it ran
 * ({@link ReadModelVersions}), and only then read. No predicates: the version says when.
 */
@Component
public class CommandSender {

    /** How long a REST call waits for its change to show in the read model before answering 503. */
    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelVersions versions;

    public CommandSender(CommandGateway commands, QueryGateway queries, ReadModelVersions versions) {
        this.commands = commands;
        this.queries = queries;
        this.versions = versions;
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
        return this.<R>dispatch(caller, command).mapNotNull(CommandResultMessage::getPayload);
    }

    /** Sends; answers the whole result message (payload and the metadata naming the events applied). */
    private <R> Mono<CommandResultMessage<R>> dispatch(Caller caller, Object command) {
        return Mono.<CommandResultMessage<R>>create(sink -> commands.<Object, R>send(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(metaDataOf(caller)),
                        (message, result) -> {
                            if (result.isExceptional()) {
                                sink.error(result.exceptionResult());
                            } else {
                                @SuppressWarnings("unchecked")
                                CommandResultMessage<R> answer = (CommandResultMessage<R>) result;
                                sink.success(answer);
                            }
                        }))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Sends, then completes with the handler's result once the read model answering {@code readModelQuery}
     * (a query class carrying {@link com.gatehouse.api.common.ReadModel}) shows every event the command applied.
     * For changes answered without a view (a deletion, 204).
     */
    public <R> Mono<R> sendVisible(Caller caller, Object command, Class<?> readModelQuery) {
        String group = groupOf(readModelQuery);
        return this.<R>dispatch(caller, command).flatMap(result -> visible(group, result)
                .then(Mono.justOrEmpty(result.getPayload())));
    }

    /** Sends, waits until the read model of {@code findQuery} shows the change, and answers its view. */
    public <V> Mono<V> sendAndRead(Caller caller, Object command, Object findQuery, Class<V> viewType) {
        String group = ReadModelVersions.groupOf(findQuery);
        return dispatch(caller, command).flatMap(result -> visible(group, result))
                .then(Mono.defer(() -> shown(findQuery, viewType)));
    }

    /**
     * As {@link #sendAndRead}, for a command whose events two read models project: also waits until the read model
     * answering {@code alsoVisibleIn} (a query class carrying {@link com.gatehouse.api.common.ReadModel}) shows them
     * (e.g. an onboarding approval changes the request and the applicant's account, who signs in right after).
     */
    public <V> Mono<V> sendAndRead(Caller caller, Object command, Object findQuery, Class<V> viewType,
                                   Class<?> alsoVisibleIn) {
        String group = ReadModelVersions.groupOf(findQuery);
        String also = groupOf(alsoVisibleIn);
        return dispatch(caller, command).flatMap(result -> visible(group, result).then(visible(also, result)))
                .then(Mono.defer(() -> shown(findQuery, viewType)));
    }

    /** A command handler's result and the read model's view that shows it. */
    public record Answer<R, V>(R result, V view) {
    }

    /**
     * Sends; with the handler's result, names the view to answer ({@code findQuery.apply(result)}), waits until
     * its read model shows the change, and answers both (e.g. which visit a scan opened or closed).
     */
    public <R, V> Mono<Answer<R, V>> sendAndReadResult(Caller caller, Object command,
                                                        Function<R, Object> findQuery, Class<V> viewType) {
        return this.<R>dispatch(caller, command).flatMap(result -> {
            Object find = findQuery.apply(result.getPayload());
            return visible(ReadModelVersions.groupOf(find), result)
                    .then(Mono.defer(() -> shown(find, viewType)))
                    .map(view -> new Answer<>(result.getPayload(), view));
        });
    }

    /**
     * Creates something and answers its view. With an {@code Idempotency-Key} the id was derived from
     * the key: a view that already exists is the first request's result and is returned as it is, and a
     * concurrent twin that loses the race to create the aggregate also answers the winner's view.
     */
    public <V> Mono<V> create(Caller caller, Object command, boolean idempotent, Object findQuery,
                              Class<V> viewType) {
        Mono<V> create = sendAndRead(caller, command, findQuery, viewType);
        if (!idempotent) {
            return create;
        }
        return find(findQuery, viewType).switchIfEmpty(create.onErrorResume(CommandSender::isDuplicateCreation,
                duplicate -> appears(findQuery, viewType)));
    }

    /**
     * Without sending anything: the view once its read model holds the aggregate {@code aggregateId} at all (for
     * something made earlier, e.g. by a previous run, whose read model may still be catching up).
     */
    public <V> Mono<V> awaitView(Object findQuery, Class<V> viewType, String aggregateId) {
        String group = ReadModelVersions.groupOf(findQuery);
        // the wait is registered before the first read, so a commit between the two is not missed
        return Mono.firstWithValue(versions.shown(group, aggregateId, 0).then(Mono.defer(() -> find(findQuery, viewType))),
                        find(findQuery, viewType))
                .timeout(VISIBILITY_TIMEOUT, Mono.error(CommandSender::notVisible));
    }

    /** Asks a "find one" query (answering {@code Optional<V>}) off the event loop. */
    public <V> Mono<V> find(Object findQuery, Class<V> viewType) {
        return Mono.defer(() -> Mono.fromFuture(queries.query(findQuery, ResponseTypes.optionalInstanceOf(viewType))))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty);
    }

    private static String groupOf(Class<?> queryType) {
        var readModel = queryType.getAnnotation(com.gatehouse.api.common.ReadModel.class);
        if (readModel == null) {
            throw new IllegalArgumentException(queryType.getName() + " names no @ReadModel");
        }
        return readModel.value();
    }

    /** Completes once the group shows the events of the command's result, or fails with 503 after the timeout. */
    private Mono<Void> visible(String group, CommandResultMessage<?> result) {
        return versions.shown(group, AppliedEvents.of(result)).timeout(VISIBILITY_TIMEOUT, Mono.error(
                CommandSender::notVisible));
    }

    /** The view, read after its change is visible (a view that is not there is a 503, as a change not shown). */
    private <V> Mono<V> shown(Object findQuery, Class<V> viewType) {
        return find(findQuery, viewType).switchIfEmpty(Mono.error(CommandSender::notVisible));
    }

    /** The view of something another request is creating right now: once any version of it is applied. */
    private <V> Mono<V> appears(Object findQuery, Class<V> viewType) {
        return find(findQuery, viewType)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(20)))
                .timeout(VISIBILITY_TIMEOUT, Mono.error(CommandSender::notVisible));
    }

    private static Problem notVisible() {
        return new Problem(Problem.Kind.UNAVAILABLE,
                "The change was saved but is not visible yet; read it again in a moment");
    }

    private static boolean isDuplicateCreation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof org.axonframework.modelling.command.ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
