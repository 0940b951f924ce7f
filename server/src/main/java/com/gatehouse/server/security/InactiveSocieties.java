package com.gatehouse.server.security;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.projection.directory.SocietyZones;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Members of a deactivated society (PATCH /admin/societies/{id} {active: false}) are refused every REST request and
 * live stream with 403, whatever their token says; the platform's SUPER_ADMIN (no society) never is. Asked for
 * every caller ({@link CallerArgumentResolver}, {@link RSocketConfig}); the answer is cached per instance and
 * forgotten on every instance when the flag changes ({@link SocietyZones}).
 */
@Component
public class InactiveSocieties {

    static final String INACTIVE = "This society is inactive: its members cannot use Gatehouse until the platform "
            + "administrator reactivates it";

    private final SocietyZones societies;

    public InactiveSocieties(SocietyZones societies) {
        this.societies = societies;
    }

    /**
     * The caller of a REST handler or an RSocket route (the one way both resolve {@link Caller}): checked against
     * the handler's {@code @Allowed} roles ({@link Callers#current}), then {@link #admit admitted}.
     */
    public Mono<Caller> callerOf(MethodParameter parameter) {
        return Callers.current(parameter).flatMap(this::admit);
    }

    /** The caller, or a 403 when they belong to an inactive society. */
    public Mono<Caller> admit(Caller caller) {
        if (caller.role() == Role.SUPER_ADMIN || caller.societyId() == null) {
            return Mono.just(caller);
        }
        return Mono.fromCallable(() -> societies.isActive(caller.societyId()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(active -> {
                    if (!active) {
                        throw Problem.forbidden(INACTIVE);
                    }
                    return caller;
                });
    }
}
