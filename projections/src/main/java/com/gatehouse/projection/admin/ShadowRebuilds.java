package com.gatehouse.projection.admin;

import com.gatehouse.api.common.ClusterSignals;
import com.gatehouse.api.common.Problem;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a projection beside the served one, so nobody using the system notices: the one place that decides
 * how a read model is rebuilt (projections only name their tables in their {@code @ResetHandler}).
 * <ol>
 * <li><b>Beside.</b> Empty copies of the group's tables go to a schema of its own ({@link ShadowSchema}). The
 * group's live processor keeps serving the old tables and keeps following new events: its token, its
 * subscription updates and its REST reads are untouched.</li>
 * <li><b>Fill.</b> A rebuild thread reads the event store from the first event and runs the group's own
 * handlers (same beans, same SQL) in batches, each in a transaction that starts with
 * {@code SET LOCAL search_path = rebuild_<group>, public}: the handlers' unqualified table names mean the
 * copies, everything else (the event store, shared sequences) is found in {@code public}. Each event is handed
 * over with a {@link ReplayToken}, so {@code ReplayStatus} says replay and
 * {@link com.gatehouse.projection.common.Subscribers} answers "nobody waiting": a rebuild emits no subscription
 * update. The handlers of side-effect groups never run (those groups are not replayable at all). The rebuild
 * never overtakes the live processor: an event is applied only once the live processor's token (of the
 * event's segment) covers it, so the copy always holds a subset of what is served.</li>
 * <li><b>Switch.</b> Once it has caught up, the live processor is stopped, the copy applies what the live
 * processor applied last (its stored tokens), and one transaction swaps the tables into {@code public} and
 * marks the rebuild SWITCHED. The copy now holds exactly the events the live token covers, so the live
 * processor restarts with its own token, unchanged, on the new tables: no event is applied twice or missed,
 * no update is sent twice. The pause lasts about one batch. The old tables are dropped after the switch.
 * If the copy cannot catch up within a few seconds (a gap the two streams saw in a different order) the
 * live processor is restarted and the switch is tried again later.</li>
 * </ol>
 * The rebuild's position is stored with every batch, in the batch's transaction ({@code projection_rebuild}).
 * After a restart a rebuild in progress <b>resumes</b> from there, the old tables serving meanwhile; if its
 * schema is gone or the tables changed shape (a migration ran), it starts over. A rebuild that fails (a
 * handler throws three times in a row) is abandoned: its schema is dropped, the old tables keep serving, and
 * the failure is shown.
 * <p>
 * <b>Several instances.</b> A rebuild runs on one instance, whichever received the call: its row names it
 * ({@code owner}) and it shows it is alive ({@code heartbeat_at}, at least every second); a second call on any
 * instance answers 409 while that heartbeat is fresh. The rebuild follows the live processor through the token
 * store ({@link StoredTokens}), so it needs none of the group's segments. To switch, it asks every instance to
 * release the group ({@link ClusterSignals}, topic {@value #SIGNALS}), claims every segment itself, catches up,
 * swaps, and tells every instance to resume; an instance that does not hear the resume resumes on its own after
 * {@link #PAUSE_AT_MOST}, and one that does not release in time makes the rebuild go back to building and try again.
 * When the instance running a rebuild dies, its heartbeat stops and another instance takes the rebuild over
 * (within {@link #ORPHANED_AFTER} and a check interval) from its stored position; one that stops politely hands
 * it over at once.
 */
@Component
public class ShadowRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ShadowRebuilds.class);
    private static final Duration SWITCH_WITHIN = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 3;
    /** Topic of the signals that pause and resume a group's live processing on every instance during a switch. */
    static final String SIGNALS = "projection-switch";
    /** A rebuild whose instance has not shown it is alive for this long is taken over by another instance. */
    static final Duration ORPHANED_AFTER = Duration.ofSeconds(15);
    /** How often each instance looks for rebuilds to take over. */
    private static final Duration ADOPT_EVERY = Duration.ofSeconds(5);
    private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(1);
    /** An instance paused for a switch resumes on its own after this, whatever it heard. */
    static final Duration PAUSE_AT_MOST = Duration.ofSeconds(45);

    /** Where a rebuild stands. */
    public enum State { BUILDING, SWITCHING, SWITCHED, FAILED }

    /**
     * A group's latest rebuild: {@code position} is how far into the history it is, {@code lag} how many events
     * it still has to go, {@code progress} the percentage done (100 once switched).
     */
    public record RebuildStatus(State state, long position, long head, long lag, double progress, Instant startedAt,
                                Instant switchedAt, String failure) {

        public boolean inProgress() {
            return state == State.BUILDING || state == State.SWITCHING;
        }
    }

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final TokenStore tokens;
    private final TransactionManager axonTransactions;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ShadowSchema shadow;
    private final int batchSize;
    private final Map<String, Rebuild> running = new ConcurrentHashMap<>();
    private final StoredTokens storedTokens;
    private final ClusterSignals signals;
    /** This instance's name in {@code projection_rebuild.owner}. */
    private final String owner = "rebuilds-" + UUID.randomUUID();
    /** Groups this instance paused because a switch (here or on another instance) asked it to. */
    private final Map<String, ScheduledFuture<?>> paused = new ConcurrentHashMap<>();
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild-housekeeping");
        thread.setDaemon(true);
        return thread;
    });
    /** Pauses and resumes of live processors asked for by switches (never on the signal listener's thread). */
    private final ScheduledExecutorService switching = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "projection-switch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile AutoCloseable subscription;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    public ShadowRebuilds(EventProcessingConfiguration processing, EventStore events, TokenStore tokens,
                          TransactionManager axonTransactions, PlatformTransactionManager transactions,
                          JdbcTemplate jdbc, Serializer serializer, StoredTokens storedTokens, ClusterSignals signals,
                          @Value("${gatehouse.projections.rebuild-batch-size:500}") int batchSize) {
        this.processing = processing;
        this.events = events;
        this.tokens = tokens;
        this.axonTransactions = axonTransactions;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.storedTokens = storedTokens;
        this.signals = signals;
        this.shadow = new ShadowSchema(jdbc, transactions);
        if (batchSize < 1) {
            throw new IllegalArgumentException("gatehouse.projections.rebuild-batch-size must be at least 1; was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** Starts rebuilding the group beside its served tables; 409 when one is running or there is nothing to copy. */
    public synchronized void start(StreamingEventProcessor processor) {
        String group = processor.getName();
        if (running.containsKey(group)) {
            throw Problem.conflict("'" + group + "' is already being rebuilt");
        }
        var handlers = handlersOf(processor);
        List<String> tables;
        try {
            tables = shadow.tablesOf(handlers);
        } catch (DataAccessException busy) {
            log.warn("Rebuild of projection '{}' could not look at its tables", group, busy);
            throw Problem.conflict("'" + group + "' is busy (its tables are locked): try again in a moment");
        }
        if (tables.isEmpty()) {
            throw Problem.conflict("'" + group + "' names no tables in a @ResetHandler: nothing to rebuild");
        }
        // the row first: one rebuild of a group at a time across every instance
        Instant startedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored: every instance shows the same
        int claimed = jdbc.update("""
                insert into projection_rebuild (processing_group, state, token, token_type, position, started_at,
                                                switched_at, failure, owner, heartbeat_at)
                values (?, 'BUILDING', null, null, 0, ?, null, null, ?, now())
                on conflict (processing_group) do update set state = 'BUILDING', token = null, token_type = null,
                    position = 0, started_at = excluded.started_at, switched_at = null, failure = null,
                    owner = excluded.owner, heartbeat_at = now()
                where projection_rebuild.state <> 'BUILDING' or projection_rebuild.heartbeat_at is null
                   or projection_rebuild.heartbeat_at < now() - make_interval(secs => ?)""",
                group, Timestamp.from(startedAt), owner, ORPHANED_AFTER.toSeconds());
        if (claimed == 0) {
            throw Problem.conflict("'" + group + "' is already being rebuilt (by another instance)");
        }
        try {
            shadow.create(group, tables);
        } catch (RuntimeException e) {
            abandon(group, "its tables could not be copied: " + e.getMessage());
            throw e;
        }
        launch(new Rebuild(processor, handlers, tables, null, startedAt));
        log.info("Rebuild of projection '{}' started beside its tables {}", group, tables);
    }

    /** Whether a rebuild of the group runs on this instance. */
    public boolean inProgress(String group) {
        return running.containsKey(group);
    }

    /** Whether a rebuild of the group runs on any instance (its row is BUILDING and its heartbeat is fresh). */
    public boolean inProgressAnywhere(String group) {
        Integer alive = jdbc.queryForObject("""
                select count(*) from projection_rebuild where processing_group = ? and state = 'BUILDING'
                   and heartbeat_at >= now() - make_interval(secs => ?)""", Integer.class, group,
                ORPHANED_AFTER.toSeconds());
        return running.containsKey(group) || alive != null && alive > 0;
    }

    /** The latest rebuild of each group that had one, against the event store's head. */
    public Map<String, RebuildStatus> statuses(long head) {
        Map<String, RebuildStatus> statuses = new HashMap<>();
        jdbc.query("select * from projection_rebuild", rs -> {
            String group = rs.getString("processing_group");
            State state = State.valueOf(rs.getString("state"));
            long position = rs.getLong("position");
            Timestamp switched = rs.getTimestamp("switched_at");
            statuses.put(group, status(state, position, head, rs.getTimestamp("started_at").toInstant(),
                    switched == null ? null : switched.toInstant(), rs.getString("failure")));
        });
        running.values().stream().filter(rebuild -> rebuild.state == State.BUILDING || rebuild.state == State.SWITCHING)
                .forEach(rebuild -> statuses.put(rebuild.group, status(rebuild.state, rebuild.position(), head,
                        rebuild.startedAt, null, null)));
        return statuses;
    }

    private static RebuildStatus status(State state, long position, long head, Instant startedAt, Instant switchedAt,
                                        String failure) {
        if (state == State.SWITCHED) {
            return new RebuildStatus(state, position, head, 0, 100.0, startedAt, switchedAt, null);
        }
        double progress = head <= 0 ? 100.0 : Math.min(100.0, 100.0 * position / head);
        return new RebuildStatus(state, position, head, Math.max(0, head - position),
                Math.floor(progress * 10) / 10.0, startedAt, switchedAt, failure);
    }

    /**
     * At start: clears left-overs of finished rebuilds, listens for switch signals, and takes over the rebuilds
     * that run nowhere (interrupted by a stop or by the death of their instance); then looks for such rebuilds
     * every few seconds.
     */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void resume() {
        subscription = signals.subscribe(SIGNALS, this::onSignal);
        for (String group : jdbc.queryForList("select processing_group from projection_rebuild where state <> 'BUILDING'",
                String.class)) {
            shadow.dropLeftovers(group);
        }
        adopt();
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                adopt();
            } catch (RuntimeException e) {
                log.warn("Looking for projection rebuilds to take over failed", e);
            }
        }, ADOPT_EVERY.toMillis(), ADOPT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes over each rebuild whose instance is gone (no heartbeat), from its stored position. */
    synchronized void adopt() {
        if (stopping) {
            return;
        }
        for (String candidate : jdbc.queryForList("""
                select processing_group from projection_rebuild where state = 'BUILDING'
                   and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ?))""", String.class,
                ORPHANED_AFTER.toSeconds())) {
            if (running.containsKey(candidate)) {
                continue; // ours, only late with its heartbeat
            }
            List<Map<String, Object>> rows = jdbc.queryForList("""
                    update projection_rebuild set owner = ?, heartbeat_at = now()
                    where processing_group = ? and state = 'BUILDING'
                      and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ?))
                    returning *""", owner, candidate, ORPHANED_AFTER.toSeconds());
            if (!rows.isEmpty()) {
                take(rows.get(0));
            }
        }
    }

    private void take(Map<String, Object> row) {
        String group = (String) row.get("processing_group");
        var processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElse(null);
        if (processor == null || !processor.supportsReset()) {
            abandon(group, "the group is gone or no longer replayable");
            return;
        }
        var handlers = handlersOf(processor);
        List<String> tables = shadow.tablesOf(handlers);
        TrackingToken from = null;
        if (shadow.exists(group) && shadow.sameShape(group, tables)) {
            byte[] token = (byte[]) row.get("token");
            from = token == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, (String) row.get("token_type"), null));
            log.info("Rebuild of projection '{}' resumes here at {}", group, row.get("position"));
        } else {
            shadow.create(group, tables);
            jdbc.update("update projection_rebuild set token = null, token_type = null, position = 0 "
                    + "where processing_group = ?", group);
            log.info("Rebuild of projection '{}' starts over: its tables changed while nobody ran it", group);
        }
        launch(new Rebuild(processor, handlers, tables, from, ((Timestamp) row.get("started_at")).toInstant()));
    }

    /**
     * A switch on another instance asks this one to pause the group's live processing, then to resume it
     * ({@code <verb> <group> <owner>}; the instance that switches pauses and resumes its own processor itself).
     */
    private void onSignal(String payload) {
        String[] parts = payload.split(" ");
        if (parts.length != 3 || owner.equals(parts[2])) {
            return;
        }
        String verb = parts[0];
        String group = parts[1];
        processing.eventProcessor(group, StreamingEventProcessor.class).ifPresent(processor -> switching.execute(() -> {
            if ("pause".equals(verb)) {
                ScheduledFuture<?> safety = switching.schedule(() -> resumeLocally(group, processor),
                        PAUSE_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
                ScheduledFuture<?> previous = paused.put(group, safety);
                if (previous != null) {
                    previous.cancel(false);
                }
                processor.shutDown(); // releases its claims
                log.info("Projection '{}' paused here: a rebuild switches its tables", group);
            } else if ("resume".equals(verb)) {
                resumeLocally(group, processor);
            }
        }));
    }

    private void resumeLocally(String group, StreamingEventProcessor processor) {
        ScheduledFuture<?> safety = paused.remove(group);
        if (safety != null && !stopping) {
            safety.cancel(false);
            processor.start();
            log.info("Projection '{}' resumed here", group);
        }
    }

    /** Rebuild threads finish their batch and stop before the processors and the database do. */
    @EventListener(ContextClosedEvent.class)
    public void stop() throws Exception {
        stopping = true;
        housekeeping.shutdownNow();
        switching.shutdownNow();
        if (subscription != null) {
            subscription.close();
        }
        threads.shutdown();
        if (!threads.awaitTermination(15, TimeUnit.SECONDS)) {
            log.warn("Projection rebuilds did not stop in time; they resume at their stored position next start");
        }
        // hand this instance's unfinished rebuilds over at once: another instance (or this one's next start) takes them
        jdbc.update("update projection_rebuild set heartbeat_at = null where owner = ? and state = 'BUILDING'", owner);
    }

    private void launch(Rebuild rebuild) {
        running.put(rebuild.group, rebuild);
        threads.submit(rebuild);
    }

    private void abandon(String group, String reason) {
        shadow.dropLeftovers(group);
        jdbc.update("update projection_rebuild set state = 'FAILED', failure = ? where processing_group = ?",
                reason, group);
    }

    /** The group's handler beans, whatever wraps them (dead-letter queues etc. stay with the live processor). */
    private static List<EventMessageHandler> handlersOf(StreamingEventProcessor processor) {
        List<EventMessageHandler> handlers = new ArrayList<>();
        collect(((AbstractEventProcessor) processor).eventHandlerInvoker(), handlers);
        return handlers;
    }

    private static void collect(EventHandlerInvoker invoker, List<EventMessageHandler> into) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, into));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            into.addAll(simple.eventHandlers());
        } else {
            throw new IllegalStateException("Cannot rebuild with handlers of " + invoker.getClass().getName());
        }
    }

    /** One group's rebuild: the reading thread and where it stands. */
    private final class Rebuild implements Runnable {

        private final String group;
        private final StreamingEventProcessor processor;
        private final EventHandlerInvoker invoker;
        private final List<EventMessageHandler> handlers;
        private final List<String> tables;
        private final Instant startedAt;
        private volatile TrackingToken token;
        private volatile State state = State.BUILDING;
        private long loggedAt;
        private long beatAt;
        private long extendedAt;

        Rebuild(StreamingEventProcessor processor, List<EventMessageHandler> handlers, List<String> tables,
                TrackingToken from, Instant startedAt) {
            this.group = processor.getName();
            this.processor = processor;
            this.invoker = ((AbstractEventProcessor) processor).eventHandlerInvoker();
            this.handlers = handlers;
            this.tables = tables;
            this.token = from;
            this.startedAt = startedAt;
        }

        long position() {
            return token == null ? 0 : token.position().orElse(0);
        }

        @Override
        public void run() {
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(token)) {
                while (!stopping) {
                    heartbeat();
                    Map<Segment, TrackingToken> live = liveTokens();
                    int applied = step(stream, live);
                    logProgress();
                    if (applied == 0 && live.size() == segmentCount() && caughtUp(live)) {
                        shadow.analyze(group, tables);
                        if (trySwitch(stream)) {
                            return;
                        }
                        Thread.sleep(1_000); // live again; the next attempt after a breath
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception | Error e) {
                if (lost(e)) {
                    log.info("Rebuild of projection '{}' was taken over by another instance; it stops here", group);
                    return;
                }
                if (stopping) {
                    log.info("Rebuild of projection '{}' stopped with the server; it resumes at the next start", group);
                    return;
                }
                log.error("Rebuild of projection '{}' failed; it is abandoned and the served tables stay", group, e);
                state = State.FAILED;
                abandon(group, String.valueOf(e.getMessage()));
            } finally {
                running.remove(group);
            }
        }

        /**
         * Applies the next batch of events the live processor has already applied (at most {@code batchSize}):
         * returns how many events it took from the stream, 0 when it has to wait for new events or for the live
         * processor.
         */
        private int step(BlockingStream<TrackedEventMessage<?>> stream, Map<Segment, TrackingToken> live)
                throws Exception {
            List<TrackedEventMessage<?>> batch = new ArrayList<>();
            TrackingToken at = token;
            while (batch.size() < batchSize && stream.hasNextAvailable(batch.isEmpty() ? 100 : 0, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> next = stream.peek().orElseThrow();
                if (!appliedLive(next, at, live)) {
                    break;
                }
                batch.add(stream.nextAvailable());
                at = next.trackingToken();
            }
            if (batch.isEmpty()) {
                Thread.sleep(20);
                return 0;
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    apply(batch);
                    break;
                } catch (Exception e) {
                    if (attempt == ATTEMPTS || lost(e)) {
                        throw e;
                    }
                    log.warn("Rebuild of projection '{}': batch failed (attempt {} of {}), retrying", group, attempt,
                            ATTEMPTS, e);
                    Thread.sleep(1000L * attempt);
                }
            }
            token = at;
            return batch.size();
        }

        /** One transaction: the handlers write to the copies, and the rebuild's position moves with them. */
        private void apply(List<TrackedEventMessage<?>> batch) throws Exception {
            List<EventMessage<?>> replays = new ArrayList<>(batch.size());
            for (TrackedEventMessage<?> event : batch) {
                replays.add(event.withTrackingToken(new ReplayToken(event.trackingToken(), event.trackingToken())));
            }
            TrackingToken last = batch.get(batch.size() - 1).trackingToken();
            var unitOfWork = new BatchingUnitOfWork<>(replays);
            unitOfWork.attachTransaction(axonTransactions);
            unitOfWork.onPrepareCommit(u -> storePosition(last));
            jdbc.execute(ShadowSchema.searchPath(group));
            var result = unitOfWork.executeWithResult(() -> {
                EventMessage<?> event = unitOfWork.getMessage();
                for (EventMessageHandler handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
                return null;
            });
            if (result.isExceptional()) {
                Throwable cause = result.exceptionResult();
                throw cause instanceof Exception e ? e : new IllegalStateException(cause);
            }
        }

        private void storePosition(TrackingToken at) {
            var serialized = serializer.serialize(at, byte[].class);
            if (jdbc.update("""
                    update public.projection_rebuild set token = ?, token_type = ?, position = ?, heartbeat_at = now()
                    where processing_group = ? and owner = ?""",
                    serialized.getData(), serialized.getType().getName(), at.position().orElse(0), group, owner) == 0) {
                throw new LostRebuild(group); // another instance took it over: this batch rolls back
            }
        }

        /** Shows this instance still runs the rebuild (at most every second); throws when another took it over. */
        private void heartbeat() {
            long now = System.nanoTime();
            if (now - beatAt < HEARTBEAT_EVERY.toNanos()) {
                return;
            }
            beatAt = now;
            if (jdbc.update("update projection_rebuild set heartbeat_at = now() where processing_group = ? and owner = ?",
                    group, owner) == 0) {
                throw new LostRebuild(group);
            }
        }

        /**
         * Whether the live processor has applied this event (the token of the event's segment covers it). Events
         * the group does not handle only move the position and never wait.
         */
        private boolean appliedLive(TrackedEventMessage<?> event, TrackingToken before, Map<Segment, TrackingToken> live) {
            if (!invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                return true;
            }
            for (var segment : live.entrySet()) {
                if (invoker.canHandle(event, segment.getKey())) {
                    return covers(segment.getValue(), before, event.trackingToken());
                }
            }
            return false;
        }

        /** Whether the copy has seen every event the live tokens cover. */
        private boolean caughtUp(Map<Segment, TrackingToken> live) {
            for (TrackingToken liveToken : live.values()) {
                TrackingToken applied = WrappedToken.unwrapUpperBound(liveToken);
                if (applied != null && (token == null || !token.covers(applied))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The live processor's committed position per segment, whichever instances run them (the token store,
         * read without claiming).
         */
        private Map<Segment, TrackingToken> liveTokens() {
            Map<Integer, StoredTokens.Stored> stored = storedTokens.of(group);
            Map<Segment, TrackingToken> live = new LinkedHashMap<>();
            for (Segment segment : Segment.computeSegments(stored.keySet().stream().mapToInt(Integer::intValue).toArray())) {
                live.put(segment, stored.get(segment.getSegmentId()).token());
            }
            return live;
        }

        private int segmentCount() {
            return tokens.fetchSegments(group).length;
        }

        /**
         * Pauses the group's live processing on every instance, claims every segment, lets the copy apply what the
         * live processor applied last, swaps the tables (the claims extended, so locked, in the same transaction) and
         * lets every instance resume on its unchanged token. False (and live again) when the segments were not
         * released or the copy could not catch up in time.
         */
        private boolean trySwitch(BlockingStream<TrackedEventMessage<?>> stream) throws Exception {
            state = State.SWITCHING;
            long paused = System.nanoTime();
            Set<Integer> claimed = new HashSet<>();
            signals.publish(SIGNALS, "pause " + group + " " + owner);
            processor.shutDown();
            try {
                Map<Segment, TrackingToken> stored = claimAll(claimed);
                if (stored == null) {
                    log.info("Rebuild of projection '{}': not every instance released the group in time, trying again",
                            group);
                    state = State.BUILDING;
                    return false;
                }
                long until = System.nanoTime() + SWITCH_WITHIN.toNanos();
                while (!caughtUp(stored)) {
                    if (stopping || System.nanoTime() > until) {
                        log.info("Rebuild of projection '{}': the switch waits for the live processor, trying again",
                                group);
                        state = State.BUILDING;
                        return false;
                    }
                    step(stream, stored);
                    heartbeat();
                    extendClaims(claimed);
                }
                try {
                    transaction.executeWithoutResult(status -> {
                        claimed.forEach(segment -> tokens.extendClaim(group, segment)); // still ours, locked till commit
                        shadow.swapInCurrentTransaction(group, tables);
                        if (jdbc.update("""
                                update projection_rebuild set state = 'SWITCHED', switched_at = ?, position = ?
                                where processing_group = ? and owner = ?""", Timestamp.from(Instant.now()), position(),
                                group, owner) == 0) {
                            throw new LostRebuild(group);
                        }
                    });
                } catch (DataAccessException | UnableToClaimTokenException busy) {
                    // e.g. a long read held a table past the lock timeout: nothing changed, try again later
                    log.warn("Rebuild of projection '{}': the switch could not take its locks, trying again", group, busy);
                    state = State.BUILDING;
                    return false;
                }
                state = State.SWITCHED;
            } finally {
                releaseClaims(claimed);
                processor.start();
                signals.publish(SIGNALS, "resume " + group + " " + owner);
            }
            log.info("Rebuild of projection '{}' switched in at position {} (live processing paused {} ms)", group,
                    position(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - paused));
            running.remove(group);
            shadow.dropLeftovers(group);
            return true;
        }

        /**
         * Claims every segment of the group as the other instances release them, answering the live processor's
         * tokens as it left them; null when some segment stayed claimed elsewhere past {@link #SWITCH_WITHIN}.
         */
        private Map<Segment, TrackingToken> claimAll(Set<Integer> claimed) throws Exception {
            int[] ids = tokens.fetchSegments(group);
            Map<Integer, TrackingToken> byId = new HashMap<>();
            long until = System.nanoTime() + SWITCH_WITHIN.toNanos();
            while (true) {
                for (int id : ids) {
                    if (claimed.contains(id)) {
                        continue;
                    }
                    try {
                        TrackingToken[] token = new TrackingToken[1];
                        axonTransactions.executeInTransaction(() -> token[0] = tokens.fetchToken(group, id));
                        byId.put(id, token[0]);
                        claimed.add(id);
                    } catch (UnableToClaimTokenException stillHeld) {
                        // its instance has not released it yet
                    }
                }
                if (claimed.size() == ids.length) {
                    break;
                }
                if (stopping || System.nanoTime() > until) {
                    return null;
                }
                Thread.sleep(100);
                heartbeat();
                extendClaims(claimed);
            }
            Map<Segment, TrackingToken> stored = new LinkedHashMap<>();
            for (Segment segment : Segment.computeSegments(ids)) {
                stored.put(segment, byId.get(segment.getSegmentId()));
            }
            return stored;
        }

        /** Keeps the claims of a switch well within the claim timeout. */
        private void extendClaims(Set<Integer> claimed) {
            long now = System.nanoTime();
            if (now - extendedAt < HEARTBEAT_EVERY.toNanos()) {
                return;
            }
            extendedAt = now;
            axonTransactions.executeInTransaction(() -> claimed.forEach(segment -> tokens.extendClaim(group, segment)));
        }

        private void releaseClaims(Set<Integer> claimed) {
            try {
                axonTransactions.executeInTransaction(() -> claimed.forEach(segment -> tokens.releaseClaim(group, segment)));
            } catch (RuntimeException e) {
                log.warn("Rebuild of projection '{}': releasing its claims failed; they expire on their own", group, e);
            }
        }

        private void logProgress() {
            long now = System.currentTimeMillis();
            if (now - loggedAt >= 2_000) {
                loggedAt = now;
                log.info("Rebuild of projection '{}': at event {} ({})", group, position(), state);
            }
        }
    }

    /** Another instance took the rebuild over (this one's heartbeat was late): this instance's thread stops. */
    static final class LostRebuild extends RuntimeException {
        LostRebuild(String group) {
            super("the rebuild of '" + group + "' runs on another instance now");
        }
    }

    private static boolean lost(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof LostRebuild) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code live} covers the one event whose token is {@code after} ({@code before} the stream's token
     * before it). With gap-aware tokens (the JDBC store) the event's own index is compared, so an event that
     * fills a gap late is judged by itself; other tokens are compared whole.
     */
    static boolean covers(TrackingToken live, TrackingToken before, TrackingToken after) {
        TrackingToken applied = WrappedToken.unwrapUpperBound(live);
        if (applied == null) {
            return false;
        }
        if (applied instanceof GapAwareTrackingToken liveToken && after instanceof GapAwareTrackingToken event) {
            long index = event.getIndex();
            if (before instanceof GapAwareTrackingToken previous && event.getIndex() <= previous.getIndex()) {
                index = previous.getGaps().stream().filter(gap -> !event.getGaps().contains(gap)).findFirst()
                        .orElse(event.getIndex());
            }
            return index <= liveToken.getIndex() && !liveToken.getGaps().contains(index);
        }
        return applied.covers(WrappedToken.unwrapLowerBound(after));
    }
}
