package com.gatehouse.query.common;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.concurrent.Callable;

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
}
