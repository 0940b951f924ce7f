package com.gatehouse.projection.admin;

import com.gatehouse.api.common.Problem;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where each projection (streaming processor) stands, and rebuilding one from the first event while the API
 * keeps serving: the rebuild fills copies of its tables beside the served ones and switches them in once it
 * has caught up ({@link ShadowRebuilds}); side-effect groups (notifications and other policies) do not
 * support a reset and are refused.
 */
@Component
public class ProjectionAdmin {

    /**
     * One projection's state. {@code position}, {@code lag} and {@code progress} (the percentage of the history
     * processed) are those of the served read model; {@code replaying} says a rebuild is in progress, and
     * {@code rebuild} is the latest rebuild (null when there was none): its own progress, lag and switch time.
     * {@code error} is true while the processor is failing or any of its events are parked as dead letters
     * ({@code deadLetters}, with the latest error in {@code lastError}).
     */
    public record ProjectionStatus(String name, long position, long head, long lag, boolean replaying,
                                   boolean replayable, double progress, boolean running, boolean error,
                                   ShadowRebuilds.RebuildStatus rebuild, long deadLetters, String lastError) {

        /** The same without the error text (it may quote another society's data). */
        public ProjectionStatus withoutErrorText() {
            return new ProjectionStatus(name, position, head, lag, replaying, replayable, progress, running, error,
                    rebuild, deadLetters, null);
        }
    }

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ShadowRebuilds rebuilds;
    private final DeadLetters deadLetters;
    private final StoredTokens storedTokens;

    public ProjectionAdmin(EventProcessingConfiguration processing, EventStore events, StoredTokens storedTokens,
                           ShadowRebuilds rebuilds, DeadLetters deadLetters) {
        this.processing = processing;
        this.events = events;
        this.storedTokens = storedTokens;
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        var rebuilt = rebuilds.statuses(head);
        var parked = deadLetters.states();
        return processing.eventProcessors().values().stream()
                .filter(p -> p instanceof StreamingEventProcessor)
                .map(p -> status((StreamingEventProcessor) p, head, rebuilt.get(p.getName()),
                        parked.getOrDefault(p.getName(), DeadLetters.GroupState.NONE)))
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    public ProjectionStatus status(String name) {
        long head = head();
        return status(processor(name), head, rebuilds.statuses(head).get(name), deadLetters.state(name));
    }

    /** Starts rebuilding a projection beside its served tables; answers its status with the rebuild's. */
    public synchronized ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw Problem.conflict("'" + name + "' sends notifications or other side effects and is never replayed");
        }
        if (rebuilds.inProgressAnywhere(name)) {
            throw Problem.conflict("'" + name + "' is already being replayed");
        }
        rebuilds.start(processor);
        return status(name);
    }

    private ProjectionStatus status(StreamingEventProcessor processor, long head,
                                    ShadowRebuilds.RebuildStatus rebuild, DeadLetters.GroupState letters) {
        var segments = statusOf(processor);
        long position = position(processor.getName(), segments);
        // Axon keeps a segment "replaying" until an event beyond the reset point arrives; for people the
        // replay is over once every segment has reached the position where it was reset
        long replayTarget = segments.stream().filter(EventTrackerStatus::isReplaying)
                .filter(s -> s.getResetPosition().isPresent()
                        && s.getCurrentPosition().orElse(0) < s.getResetPosition().getAsLong())
                .mapToLong(s -> s.getResetPosition().getAsLong()).max().orElse(-1);
        boolean replaying = replayTarget >= 0 || rebuild != null && rebuild.inProgress();
        double progress;
        if (replayTarget >= 0) {
            progress = replayTarget == 0 ? 100 : Math.min(100.0, 100.0 * Math.max(0, position) / replayTarget);
        } else {
            progress = head <= 0 ? 100 : Math.min(100.0, 100.0 * Math.max(0, position) / head);
        }
        return new ProjectionStatus(processor.getName(), Math.max(0, position), head, Math.max(0, head - position),
                replaying, processor.supportsReset(), Math.round(progress * 10) / 10.0, processor.isRunning(),
                processor.isError() || letters.count() > 0, rebuild, letters.count(), letters.lastError());
    }

    private static List<EventTrackerStatus> statusOf(StreamingEventProcessor processor) {
        return List.copyOf(processor.processingStatus().values());
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> Problem.notFound("Projection"));
    }

    /**
     * The lowest position of the segments this instance runs or, when it runs none, of every segment as committed
     * in the token store (read without claiming them: another instance may hold them).
     */
    private long position(String name, List<EventTrackerStatus> local) {
        return local.stream().map(EventTrackerStatus::getCurrentPosition).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).min()
                .orElseGet(() -> storedTokens.of(name).values().stream().mapToLong(StoredTokens.Stored::position)
                        .min().orElse(0));
    }

    /** The position of the newest event, from the event store's API (PostgreSQL or Axon Server alike). */
    private long head() {
        var head = events.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }
}
