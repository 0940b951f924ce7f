package com.gatehouse.command.push;

import com.gatehouse.command.push.PushOutbox.Claimed;
import com.gatehouse.command.push.PushProvider.Accepted;
import com.gatehouse.command.push.PushProvider.Failed;
import com.gatehouse.command.push.PushProvider.Outcome;
import com.gatehouse.command.push.PushProvider.Retry;
import com.gatehouse.command.push.PushProvider.Unregistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Sends what the {@link PushOutbox} holds: claims a batch of due rows under a lease, sends them with up to
 * {@link PushSettings#senders()} in flight, and records each outcome as soon as it is known: sent; retried later
 * with exponential backoff (never sooner than a Retry-After the provider named); the device forgotten when the
 * provider says the token is unregistered; failed for good after {@link PushSettings#maxAttempts()} or a
 * permanent refusal. At least once to the provider: a push sent just before the instance died is sent again
 * with the same message id, which providers use to replace rather than double what the phone shows.
 * <p>
 * Woken right after a commit that enqueued rows on this instance; also polls every
 * {@link PushSettings#pollInterval()} for rows enqueued elsewhere, retries that fell due and expired leases.
 */
public class PushDrainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PushDrainer.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final PushOutbox outbox;
    private final Devices devices;
    private final List<PushProvider> providers;
    private final PushSettings settings;
    private final Clock clock;
    private final String owner;
    private final Object signal = new Object();
    private final AtomicInteger sentCount = new AtomicInteger();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;
    private Instant nextPurge = Instant.EPOCH;

    public PushDrainer(PushOutbox outbox, Devices devices, List<PushProvider> providers, PushSettings settings,
                       Clock clock, String owner) {
        this.outbox = outbox;
        this.devices = devices;
        this.providers = List.copyOf(providers);
        this.settings = settings;
        this.clock = clock;
        this.owner = owner;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(settings.senders(), r -> {
            Thread t = new Thread(r, "push-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "push-drainer");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            loop.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
        senders = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Look for due rows now (called after a commit that enqueued some). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Pushes this drainer got accepted since it started (for the benchmark and tests). */
    public int accepted() {
        return sentCount.get();
    }

    private void run() {
        while (running) {
            try {
                int claimed = drainOnce();
                if (claimed < settings.batchSize()) {
                    awaitWork();
                }
                purgeNowAndThen();
            } catch (RuntimeException e) {
                log.warn("Push drain failed, trying again in {}", settings.pollInterval(), e);
                awaitWork();
            }
        }
    }

    private void awaitWork() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(settings.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** Claims one batch, sends it and records every outcome; answers how many rows were claimed. */
    public int drainOnce() {
        List<Claimed> batch = outbox.claim(owner, settings.batchSize(), settings.lease());
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(batch.size());
        for (Claimed row : batch) {
            // not started (a sibling driven by hand): one by one on the caller's thread
            inFlight.add(senders == null ? CompletableFuture.runAsync(() -> deliver(row), Runnable::run)
                    : CompletableFuture.runAsync(() -> deliver(row), senders));
        }
        int broken = 0;
        Throwable firstBreak = null;
        for (CompletableFuture<Void> future : inFlight) {
            try {
                future.join();
            } catch (RuntimeException e) {
                // unrecorded: the row stays claimed until its lease ends, then it is sent again
                broken++;
                firstBreak = firstBreak == null ? e : firstBreak;
            }
        }
        if (broken > 0) {
            log.warn("{} pushes of a batch ended without an outcome; sent again after the lease ({})", broken,
                    settings.lease(), firstBreak);
        }
        return batch.size();
    }

    /**
     * Another drainer of the same outbox under another owner, as a second instance runs it, its providers
     * wrapped by {@code wrap} (tests and the benchmark: a provider that dies mid-batch, one that times).
     */
    public PushDrainer sibling(String owner, UnaryOperator<PushProvider> wrap) {
        return new PushDrainer(outbox, devices, providers.stream().map(wrap).toList(), settings, clock, owner);
    }

    private void deliver(Claimed row) {
        Outcome outcome;
        try {
            outcome = provider(row).send(row.message());
        } catch (RuntimeException e) {
            outcome = new Retry(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
        UUID id = row.message().messageId();
        if (outcome instanceof Accepted) {
            outbox.sent(id, owner);
            sentCount.incrementAndGet();
        } else if (outcome instanceof Unregistered unregistered) {
            devices.unregistered(row.deviceId(), row.message().token());
            outbox.finished(id, PushOutbox.UNREGISTERED, unregistered.reason());
        } else if (outcome instanceof Failed failed) {
            outbox.finished(id, PushOutbox.FAILED, failed.reason());
        } else if (outcome instanceof Retry retry) {
            if (row.attempts() >= settings.maxAttempts()) {
                outbox.finished(id, PushOutbox.FAILED, "gave up after " + row.attempts() + " attempts: "
                        + retry.reason());
            } else {
                outbox.retryAt(id, clock.instant().plus(backoff(row.attempts(), retry.retryAfter())), retry.reason());
            }
        }
    }

    /** first-retry-after doubled per attempt, capped at max-retry-after, never shorter than the provider's Retry-After. */
    Duration backoff(int attempts, Duration retryAfter) {
        Duration delay = settings.firstRetryAfter().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        if (delay.compareTo(settings.maxRetryAfter()) > 0) {
            delay = settings.maxRetryAfter();
        }
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }

    private PushProvider provider(Claimed row) {
        for (PushProvider provider : providers) {
            if (provider.delivers(row.message().platform())) {
                return provider;
            }
        }
        throw new IllegalStateException("no push provider delivers to " + row.message().platform());
    }

    private void purgeNowAndThen() {
        Instant now = clock.instant();
        if (now.isAfter(nextPurge)) {
            nextPurge = now.plus(PURGE_EVERY);
            outbox.purgeSent(settings.keepSent());
        }
    }
}
