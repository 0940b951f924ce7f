package com.gatehouse.api.common;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for phone numbers of accounts, applied wherever one is stored or compared (registration,
 * login, one-time codes, family invites, read models rebuilt from old events): Indian numbers become E.164
 * {@code +91XXXXXXXXXX}. Accepted Indian forms: {@code 9876543210}, {@code 09876543210},
 * {@code 919876543210}, {@code +91 98765-43210} (spaces, dashes, dots and parentheses are ignored); a
 * mobile number starts with 6 to 9. Any other number must be given in international form ({@code +} and 7
 * to 15 digits) and is kept as {@code +digits}.
 */
public final class Phones {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern INDIAN_MOBILE = Pattern.compile("(?:\\+?91|0)?([6-9][0-9]{9})");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9][0-9]{6,14}");
    /** Numbers stored before normalisation (7 to 15 digits, maybe with +): still readable, kept as they are. */
    private static final Pattern LEGACY = Pattern.compile("\\+?[0-9]{7,15}");

    public static final String MESSAGE = "must be an Indian mobile number (10 digits, optionally with +91 or 0) "
            + "or an international number starting with +";

    private Phones() {
    }

    /** The E.164 form, or empty when this is no phone number we accept. */
    public static Optional<String> parse(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(phone.strip()).replaceAll("");
        var indian = INDIAN_MOBILE.matcher(compact);
        if (indian.matches()) {
            return Optional.of("+91" + indian.group(1));
        }
        if (INTERNATIONAL.matcher(compact).matches()) {
            return Optional.of(compact);
        }
        return Optional.empty();
    }

    /** The E.164 form; refuses (400 on {@code field}) anything else. */
    public static String normalise(String phone, String field) {
        return parse(phone).orElseThrow(() -> Problem.invalid(field, MESSAGE));
    }

    /**
     * The form to store for a phone read from an old event or row: normalised when it can be, otherwise as it
     * was (so an old account whose number is neither Indian nor international keeps working with exactly it).
     */
    public static String stored(String phone) {
        if (phone == null) {
            return null;
        }
        return parse(phone).orElse(phone.strip());
    }

    /** Whether the value could be an old stored number ({@link #stored} keeps it). */
    public static boolean isLegacy(String phone) {
        return phone != null && LEGACY.matcher(phone.strip()).matches();
    }
}
