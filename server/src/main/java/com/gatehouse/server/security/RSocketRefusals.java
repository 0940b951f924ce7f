package com.gatehouse.server.security;

import com.gatehouse.api.common.Problem;
import org.springframework.core.Ordered;
import org.springframework.messaging.handler.MessagingAdviceBean;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A route refused for the caller's reason (a {@link Problem}: wrong role, unknown society, bad request data) ends
 * the stream with an error frame carrying the problem's text, as before, but is no longer logged as an ERROR
 * ("No exception handling method") by Spring's RSocket handler: it is not a server fault. Anything else still is.
 * Registered with the RSocket handler as messaging advice for every controller ({@link RSocketConfig}).
 */
public class RSocketRefusals {

    @MessageExceptionHandler(Problem.class)
    public Mono<Void> refuse(Problem problem) {
        return Mono.error(problem);
    }

    /** This class as advice that applies to every RSocket controller. */
    static MessagingAdviceBean advice() {
        var bean = new RSocketRefusals();
        return new MessagingAdviceBean() {
            @Override
            public Class<?> getBeanType() {
                return RSocketRefusals.class;
            }

            @Override
            public Object resolveBean() {
                return bean;
            }

            @Override
            public boolean isApplicableToBeanType(Class<?> beanType) {
                return true;
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }
        };
    }
}
