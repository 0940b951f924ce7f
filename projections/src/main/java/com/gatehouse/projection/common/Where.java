package com.gatehouse.projection.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The where clause of a read-model list: a required condition, then optional filters that join only when
 * the caller gave them. Instants are bound as timestamps.
 */
public final class Where {

    private final StringBuilder sql = new StringBuilder(" where ");
    private final List<Object> args = new ArrayList<>();

    private Where(String column, Object value) {
        sql.append(column).append(" = ?");
        args.add(value);
    }

    /** {@code column = value}, the condition every page of the list has. */
    public static Where is(String column, Object value) {
        return new Where(column, value);
    }

    /** Adds {@code condition} (with one {@code ?}) bound to {@code value}, unless the value is null. */
    public Where and(String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            args.add(value instanceof Instant instant ? Timestamp.from(instant) : value);
        }
        return this;
    }

    /** Adds {@code condition} with every {@code ?} bound to {@code value}, unless the value is null. */
    public Where andEach(String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            for (int i = condition.indexOf('?'); i >= 0; i = condition.indexOf('?', i + 1)) {
                args.add(value);
            }
        }
        return this;
    }

    /** Binds one more argument, for a condition added before with a second {@code ?}. */
    public Where andValue(Object value) {
        args.add(value instanceof Instant instant ? Timestamp.from(instant) : value);
        return this;
    }

    /** Adds a condition without arguments that always applies. */
    public Where and(String condition) {
        sql.append(" and ").append(condition);
        return this;
    }

    /** Adds {@code whenTrue} or {@code whenFalse} (conditions without arguments), unless {@code flag} is null. */
    public Where and(Boolean flag, String whenTrue, String whenFalse) {
        if (flag != null) {
            sql.append(" and ").append(flag ? whenTrue : whenFalse);
        }
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public List<Object> args() {
        return args;
    }
}
