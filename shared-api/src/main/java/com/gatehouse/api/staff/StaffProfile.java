package com.gatehouse.api.staff;

import java.util.List;

/**
 * What a society knows of a staff member beyond name and phone. {@code idProofNumber}, {@code address} and the
 * emergency contact are the staff member's personal data: admins see them; residents see them masked.
 * Every field is optional.
 */
public record StaffProfile(List<String> languages, Integer experienceYears, String idProofType, String idProofNumber,
                           String address, String emergencyContactName, String emergencyContactPhone,
                           String description) {

    public static final StaffProfile EMPTY = new StaffProfile(List.of(), null, null, null, null, null, null, null);

    public StaffProfile {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** The profile as a resident sees it: identity number, address and emergency phone hidden but for a hint. */
    public StaffProfile masked() {
        return new StaffProfile(languages, experienceYears, idProofType, mask(idProofNumber), address == null ? null : "(hidden)",
                emergencyContactName, mask(emergencyContactPhone), description);
    }

    private static String mask(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= 4 ? "****" : "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
    }
}
