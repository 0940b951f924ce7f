package com.gatehouse.server.auth;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code auth.me}: who this RSocket connection belongs to (what the token at setup said). */
@Controller
public class AuthRSocketController {

    @MessageMapping("auth.me")
    @Allowed({Role.SUPER_ADMIN, Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR})
    public Mono<Caller> me(Caller caller) {
        return Mono.just(caller);
    }
}
