package com.gatehouse.command.common;

import org.axonframework.deadline.DeadlineManager;

/**
 * Cancelling a deadline from a command handler. A deadline that is firing at this very moment cannot be cancelled
 * (db-scheduler refuses to touch an executing task: {@code TaskInstanceCurrentlyExecutingException}); that is not an
 * error of the command: the firing deadline's handler waits for the aggregate's lock, then re-checks the state the
 * command left and does nothing. Any other failure propagates.
 */
public final class Deadlines {

    private Deadlines() {
    }

    public static void cancel(DeadlineManager deadlines, String name, String scheduleId) {
        if (scheduleId == null) {
            return;
        }
        try {
            deadlines.cancelSchedule(name, scheduleId);
        } catch (RuntimeException error) {
            if (!firingNow(error)) {
                throw error;
            }
        }
    }

    private static boolean firingNow(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("TaskInstanceCurrentlyExecutingException")) {
                return true;
            }
        }
        return false;
    }
}
