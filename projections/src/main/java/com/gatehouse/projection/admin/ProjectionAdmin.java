package com.gatehouse.projection.admin;

import com.gatehouse.api.common.Problem;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * Where each projection (streaming processor) stands, and rebuilding one from the first event while
 * the API keeps serving. A replay stops the processor, resets its tokens (its {@code @ResetHandler}
 * clears its tables) and starts it again; side-effect groups (notifications and other policies) do not
 * support a reset and are refused. Progress is logged every few seconds while a replay runs.
 */
@Component
public class ProjectionAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    /** One projection's state: {@code progress} is the percentage of the history it has processed. */
    public record ProjectionStatus(String name, long position, long head, long lag, boolean replaying,
                                   boolean replayable, double progress, boolean running, boolean error) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ExecutorService replays = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Long> replayStarted = new ConcurrentHashMap<>();

    private final TokenStore tokens;

    public ProjectionAdmin(EventProcessingConfiguration processing, EventStore events, TokenStore tokens) {
        this.processing = processing;
        this.events = events;
        this.tokens = tokens;
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        return processing.eventProcessors().values().stream()
                .filter(p -> p instanceof StreamingEventProcessor)
                .map(p -> status((StreamingEventProcessor) p, head))
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    public ProjectionStatus status(String name) {
        return status(processor(name), head());
    }

    /** Starts rebuilding a projection in the background; answers its status at the start. */
    public synchronized ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw Problem.conflict("'" + name + "' sends notifications or other side effects and is never replayed");
        }
        if (status(processor, head()).replaying()) {
            throw Problem.conflict("'" + name + "' is already being replayed");
        }
        replayStarted.put(name, System.currentTimeMillis());
        replays.submit(() -> {
            try {
                processor.shutDown();
                processor.resetTokens();
                processor.start();
                log.info("Replay of projection '{}' started from the first event", name);
            } catch (RuntimeException e) {
                log.error("Replay of projection '{}' could not start", name, e);
                if (!processor.isRunning()) {
                    processor.start();
                }
            } finally {
                replayStarted.remove(name);
            }
        });
        return status(name);
    }

    /** Logs the progress of running replays. */
    @Scheduled(fixedDelay = 2_000)
    public void logProgress() {
        long head = -1;
        for (var processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming
                    && statusOf(streaming).stream().anyMatch(EventTrackerStatus::isReplaying)) {
                head = head < 0 ? head() : head;
                var status = status(streaming, head);
                if (!status.replaying()) {
                    continue;
                }
                log.info("Replay of projection '{}': {}% ({} of {} events)", status.name(),
                        String.format("%.1f", status.progress()), status.position(), status.head());
            }
        }
    }

    private ProjectionStatus status(StreamingEventProcessor processor, long head) {
        var segments = statusOf(processor);
        long position = segments.stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min()
                .orElseGet(() -> storedPosition(processor.getName()));
        // Axon keeps a segment "replaying" until an event beyond the reset point arrives; for people the
        // replay is over once every segment has reached the position where it was reset
        long replayTarget = segments.stream().filter(EventTrackerStatus::isReplaying)
                .filter(s -> s.getResetPosition().isPresent()
                        && s.getCurrentPosition().orElse(0) < s.getResetPosition().getAsLong())
                .mapToLong(s -> s.getResetPosition().getAsLong()).max().orElse(-1);
        boolean starting = replayStarted.containsKey(processor.getName());
        boolean replaying = starting || replayTarget >= 0;
        double progress;
        if (starting) {
            progress = 0;
        } else if (replaying) {
            progress = replayTarget == 0 ? 100 : Math.min(100.0, 100.0 * Math.max(0, position) / replayTarget);
        } else {
            progress = head <= 0 ? 100 : Math.min(100.0, 100.0 * Math.max(0, position) / head);
        }
        return new ProjectionStatus(processor.getName(), Math.max(0, position), head, Math.max(0, head - position),
                replaying, processor.supportsReset(), Math.round(progress * 10) / 10.0, processor.isRunning(),
                processor.isError());
    }

    private static List<EventTrackerStatus> statusOf(StreamingEventProcessor processor) {
        return List.copyOf(processor.processingStatus().values());
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> Problem.notFound("Projection"));
    }

    /** The position in the token store when this node holds no segment of the processor right now. */
    private long storedPosition(String name) {
        return java.util.Arrays.stream(tokens.fetchSegments(name))
                .mapToObj(segment -> tokens.fetchToken(name, segment))
                .mapToLong(token -> token == null ? 0 : token.position().orElse(0))
                .min().orElse(0);
    }

    /** The position of the newest event, from the event store's API (PostgreSQL or Axon Server alike). */
    private long head() {
        var head = events.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }
}
