package com.gatehouse.api.staff;

import static com.gatehouse.api.common.Texts.blankToNull;

import com.gatehouse.api.common.Problem;

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

    /**
     * The profile as it is kept: texts trimmed (blank ones left out), languages without repeats (any case), at most
     * 10; refuses (400) experience outside 0-70 years and an identity number without its type.
     */
    public static StaffProfile normalised(StaffProfile given) {
        if (given == null) {
            return EMPTY;
        }
        var languages = new java.util.ArrayList<String>();
        for (String language : given.languages()) {
            String clean = blankToNull(language);
            if (clean != null && languages.stream().noneMatch(clean::equalsIgnoreCase)) {
                languages.add(clean);
            }
        }
        if (languages.size() > 10) {
            throw Problem.invalid("languages", "at most 10");
        }
        if (given.experienceYears() != null && (given.experienceYears() < 0 || given.experienceYears() > 70)) {
            throw Problem.invalid("experienceYears", "must be from 0 to 70");
        }
        if (blankToNull(given.idProofNumber()) != null && blankToNull(given.idProofType()) == null) {
            throw Problem.invalid("idProofType", "is required with idProofNumber");
        }
        return new StaffProfile(languages, given.experienceYears(), blankToNull(given.idProofType()),
                blankToNull(given.idProofNumber()), blankToNull(given.address()), blankToNull(given.emergencyContactName()),
                blankToNull(given.emergencyContactPhone()), blankToNull(given.description()));
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
