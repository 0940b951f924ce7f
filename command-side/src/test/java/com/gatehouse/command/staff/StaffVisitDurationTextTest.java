package com.gatehouse.command.staff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check-out message's duration: the contract's "{n} minutes", but "1 minute" for a visit of one minute.
 * (A unit test: on the real server a one-minute visit takes a real minute; StaffNotificationTest covers the message
 * end to end.)
 */
class StaffVisitDurationTextTest {

    @Test
    void aVisitOfOneMinuteReadsOneMinute() {
        assertThat(StaffAttendanceNotifications.minutes(1)).isEqualTo("1 minute");
    }

    @Test
    void everyOtherLengthKeepsTheContractsPlural() {
        assertThat(StaffAttendanceNotifications.minutes(0)).isEqualTo("0 minutes");
        assertThat(StaffAttendanceNotifications.minutes(2)).isEqualTo("2 minutes");
        assertThat(StaffAttendanceNotifications.minutes(75)).isEqualTo("75 minutes");
    }
}
