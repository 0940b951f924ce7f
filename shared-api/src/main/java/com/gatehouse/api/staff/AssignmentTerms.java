package com.gatehouse.api.staff;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * What a flat agreed with a staff member who works for it: the days and hours (the society's time), and the rate.
 * Every part is optional; {@code startTime} and {@code endTime} come together, start before end.
 */
public record AssignmentTerms(List<DayOfWeek> workingDays, LocalTime startTime, LocalTime endTime,
                              BigDecimal agreedRate, RateType rateType) {

    public static final AssignmentTerms NONE = new AssignmentTerms(List.of(), null, null, null, null);

    public AssignmentTerms {
        workingDays = workingDays == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(workingDays));
    }
}
