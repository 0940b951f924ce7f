package com.gatehouse.query.common;

import com.gatehouse.api.common.Problem;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Runs a blocking read (JDBC) off the Netty event loop. */
public final class Blocking {

    private Blocking() {
    }

    public static <T> Mono<T> read(Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic());
    }

    public static <T> Mono<T> readOptional(Callable<Optional<T>> read) {
        return read(read).flatMap(Mono::justOrEmpty);
    }

    /** Reads one thing the caller asked for by id: 404 naming {@code what} when there is none. */
    public static <T> Mono<T> readOne(Callable<Optional<T>> read, String what) {
        return readOptional(read).switchIfEmpty(Mono.error(() -> Problem.notFound(what)));
    }

    /**
     * Reads one thing the caller asked for by id: 404 naming {@code what} when there is none and, alike, when
     * {@code visible} refuses it (another society's or another flat's is never told apart from a missing one).
     */
    public static <T> Mono<T> readVisible(Callable<Optional<T>> read, Predicate<? super T> visible, String what) {
        return readOptional(read).filter(visible).switchIfEmpty(Mono.error(() -> Problem.notFound(what)));
    }
}
