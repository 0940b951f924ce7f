package com.gatehouse.command.entry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Operator settings of entry requests and the gate log ({@code gatehouse.entry-request.*}, also
 * {@code GATEHOUSE_ENTRY_REQUEST_EXPIRY}, ...): how long a request waits for a decision, and after how long
 * a DELIVERY, CAB or SERVICE entry still inside raises an overstay alert; after how long without a decision
 * the flat's residents are reminded ({@code remind-after}) and the raising guard alerted ({@code guard-alert-after}). A missing, zero or negative
 * value stops start-up with a message naming the property.
 */
@ConfigurationProperties("gatehouse.entry-request")
public record EntryRequestSettings(@DefaultValue("PT15M") Duration expiry, @DefaultValue("PT30M") Duration overstay,
                                   @DefaultValue("PT45S") Duration remindAfter,
                                   @DefaultValue("PT90S") Duration guardAlertAfter) {

    public EntryRequestSettings {
        requirePositive(expiry, "gatehouse.entry-request.expiry");
        requirePositive(overstay, "gatehouse.entry-request.overstay");
        requirePositive(remindAfter, "gatehouse.entry-request.remind-after");
        requirePositive(guardAlertAfter, "gatehouse.entry-request.guard-alert-after");
    }


    private static void requirePositive(Duration value, String property) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be a positive duration, e.g. PT15M; was " + value);
        }
    }
}
