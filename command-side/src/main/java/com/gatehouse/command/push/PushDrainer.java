package com.gatehouse.command.push;

import com.gatehouse.command.push.PushOutbox.Claimed;
import com.gatehouse.command.push.PushOutbox.Settled;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Sends what the {@link PushOutbox} holds, a batch at a time: claims up to {@link PushSettings#batchSize()} due rows
 * under a lease (one statement, {@code FOR UPDATE SKIP LOCKED}: several instances share the work, never a row),
 * sends them with up to {@link PushSettings#senders()} in flight (the providers' HTTP clients keep their connections
 * open), and records the outcomes of the whole batch together ({@link PushOutbox#record}: one transaction, one
 * UPDATE, plus one DELETE of devices whose tokens were refused). While a batch is being sent, the next one is
 * already claimed and sent: at most {@value #BATCHES_IN_FLIGHT} batches per instance are in flight.
 * <p>
 * Outcomes: sent; retried later with exponential backoff (never sooner than a Retry-After the provider named); the
 * device forgotten when the provider says the token is unregistered; failed for good after
 * {@link PushSettings#maxAttempts()} attempts or a permanent refusal.
 * <p>
 * At least once to the provider: rows of an instance that dies after sending and before recording stay claimed
 * until their lease ends, then any instance sends them again with the same message id, which providers use to
 * replace rather than double what the phone shows (so a crash re-sends at most the batches in flight). A send that
 * ends without an outcome (an {@link Error} in a provider) leaves only its own row to the lease; the rest of the
 * batch is recorded.
 * <p>
 * Woken right after a commit that enqueued rows on this instance; also polls every
 * {@link PushSettings#pollInterval()} for rows enqueued elsewhere, retries that fell due and expired leases.
 */
public class PushDrainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PushDrainer.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    static final int BATCHES_IN_FLIGHT = 2;

    private final PushOutbox outbox;
    private final Devices devices;
    private final List<PushProvider> providers;
    private final PushSettings settings;
    private final Clock clock;
    private final String owner;
    private final Object signal = new Object();
    private final AtomicInteger sentCount = new AtomicInteger();
    private final Semaphore inFlight = new Semaphore(BATCHES_IN_FLIGHT);
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

    /** Stops claiming; the batches in flight are sent and recorded first (up to 10 s), so no row waits for its lease. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            loop.join(10_000);
            if (inFlight.tryAcquire(BATCHES_IN_FLIGHT, 10, TimeUnit.SECONDS)) {
                inFlight.release(BATCHES_IN_FLIGHT);
            }
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

    /** Pushes this drainer got accepted (and recorded as sent) since it was made (for the benchmark and tests). */
    public int accepted() {
        return sentCount.get();
    }

    private void run() {
        while (running) {
            try {
                if (!inFlight.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    continue; // both batches still sending
                }
                List<Claimed> batch;
                try {
                    batch = outbox.claim(owner, settings.batchSize(), settings.lease());
                } catch (RuntimeException e) {
                    inFlight.release();
                    throw e;
                }
                if (batch.isEmpty()) {
                    inFlight.release();
                } else {
                    send(batch, senders).whenComplete((outcomes, error) -> {
                        try {
                            record(batch, outcomes);
                        } catch (RuntimeException e) {
                            log.warn("Could not record the outcomes of {} pushes; they are sent again after the "
                                    + "lease ({})", batch.size(), settings.lease(), e);
                        } finally {
                            inFlight.release();
                        }
                    });
                }
                if (batch.size() < settings.batchSize()) {
                    awaitWork();
                }
                purgeNowAndThen();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
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

    /**
     * Claims one batch, sends it and records its outcomes, on the caller's thread (and this drainer's senders if
     * started); answers how many rows were claimed.
     */
    public int drainOnce() {
        List<Claimed> batch = outbox.claim(owner, settings.batchSize(), settings.lease());
        if (!batch.isEmpty()) {
            record(batch, send(batch, senders).join());
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

    /**
     * Sends every row of the batch, at most {@link PushSettings#senders()} at once (one by one on the caller's
     * thread when {@code pool} is null: a drainer that was not started); the outcomes in the batch's order, null for
     * a send that ended without one.
     */
    private CompletableFuture<Outcome[]> send(List<Claimed> batch, ExecutorService pool) {
        Outcome[] outcomes = new Outcome[batch.size()];
        CompletableFuture<?>[] sends = new CompletableFuture<?>[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            int index = i;
            Runnable send = () -> outcomes[index] = deliver(batch.get(index));
            sends[i] = pool == null ? CompletableFuture.runAsync(send, Runnable::run)
                    : CompletableFuture.runAsync(send, pool);
        }
        return CompletableFuture.allOf(sends).handle((done, error) -> {
            if (error != null) {
                log.warn("Pushes of a batch ended without an outcome; those are sent again after the lease ({})",
                        settings.lease(), error);
            }
            return outcomes;
        });
    }

    private Outcome deliver(Claimed row) {
        try {
            return provider(row).send(row.message());
        } catch (RuntimeException e) {
            return new Retry(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    /** Records what became of each push of the batch, in one transaction (rows without an outcome stay claimed). */
    private void record(List<Claimed> batch, Outcome[] outcomes) {
        List<Settled> settled = new ArrayList<>(batch.size());
        List<Devices.Refused> refused = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < batch.size(); i++) {
            Claimed row = batch.get(i);
            UUID id = row.message().messageId();
            Outcome outcome = outcomes == null ? null : outcomes[i];
            if (outcome instanceof Accepted) {
                settled.add(new Settled(id, PushOutbox.SENT, null, null));
                accepted++;
            } else if (outcome instanceof Unregistered unregistered) {
                refused.add(new Devices.Refused(row.deviceId(), row.message().token()));
                settled.add(new Settled(id, PushOutbox.UNREGISTERED, null, unregistered.reason()));
            } else if (outcome instanceof Failed failed) {
                settled.add(new Settled(id, PushOutbox.FAILED, null, failed.reason()));
            } else if (outcome instanceof Retry retry) {
                settled.add(row.attempts() >= settings.maxAttempts()
                        ? new Settled(id, PushOutbox.FAILED, null, "gave up after " + row.attempts() + " attempts: "
                        + retry.reason())
                        : new Settled(id, PushOutbox.PENDING, backoff(row.attempts(), retry.retryAfter()), retry.reason()));
            }
        }
        outbox.record(settled, refused);
        sentCount.addAndGet(accepted);
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
