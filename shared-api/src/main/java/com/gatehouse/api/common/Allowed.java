package com.gatehouse.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint (REST handler or RSocket route). Enforced in one place, where
 * the {@link Caller} argument is resolved: a handler that takes a {@code Caller} but declares no
 * {@code @Allowed} is refused to everyone (fail closed). The OpenAPI description lists these roles.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allowed {
    Role[] value();
}
