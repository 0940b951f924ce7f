package com.gatehouse.api.notice;

/** What a notice is about (the seed's enum). URGENT and EMERGENCY notices are urgent: members are notified with high priority. */
public enum NoticeType {
    GENERAL, URGENT, EVENT, MAINTENANCE, MEETING, EMERGENCY;

    public boolean urgent() {
        return this == URGENT || this == EMERGENCY;
    }
}
