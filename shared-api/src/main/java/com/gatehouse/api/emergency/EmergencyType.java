package com.gatehouse.api.emergency;

/** What kind of emergency (the seed's enum). */
public enum EmergencyType {
    MEDICAL, FIRE, THEFT, VIOLENCE, ACCIDENT, OTHER
}
