package com.gatehouse.api.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the processing group whose read model answers a query. Read-your-writes uses it: after a command, a
 * REST answer waits until that group has applied the command's events (by aggregate sequence number), then asks
 * the query (see {@code CommandSender}). Put it on every "find one" query an endpoint answers after a change.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModel {

    /** The processing group (e.g. {@code "entry-requests"}, the projection's {@code GROUP}). */
    String value();
}
