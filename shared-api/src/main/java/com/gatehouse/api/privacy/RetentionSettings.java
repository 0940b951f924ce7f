package com.gatehouse.api.privacy;

/**
 * The retention rules of personal data, in one place: the installation's settings (with their defaults, as Spring
 * property placeholders for {@code @Value}) that a society's own settings ({@link RetentionCommand.ChangeRetention})
 * override, and the bounds a society's setting must keep, in days.
 */
public final class RetentionSettings {

    private RetentionSettings() {
    }

    /** A visit's personal data (name, phone, vehicle, photo key) is erased this long after the visit. */
    public static final String VISITOR = "${gatehouse.privacy.visitor-retention:P180D}";
    /** An entry photo leaves the object store this long after it was taken. */
    public static final String ENTRY_PHOTO = "${gatehouse.privacy.entry-photo-retention:P90D}";
    /** A deactivated account's or staff member's data is erased this long after the deactivation. */
    public static final String DEACTIVATED = "${gatehouse.privacy.deactivated-retention:P30D}";

    /** Every society setting is at least a day. */
    public static final int MIN_DAYS = 1;
    /** Visitors' data: at most two years. */
    public static final int MAX_VISITOR_DAYS = 730;
    /** Entry photos: at most a year. */
    public static final int MAX_ENTRY_PHOTO_DAYS = 365;
    /** Deactivated people's data: at most a year. */
    public static final int MAX_DEACTIVATED_DAYS = 365;
}
