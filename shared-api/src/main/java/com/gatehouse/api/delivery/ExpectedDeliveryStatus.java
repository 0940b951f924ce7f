package com.gatehouse.api.delivery;

/** EXPECTED until exactly one of: CLAIMED (a rider of the company was let in on it), CANCELLED, LAPSED (the day ended). */
public enum ExpectedDeliveryStatus {
    EXPECTED, CLAIMED, CANCELLED, LAPSED
}
