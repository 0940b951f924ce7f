package com.gatehouse.api.gatepass;

/** What a gate pass lets through (the seed's enum). */
public enum GatePassType {
    MATERIAL, VEHICLE, MOVE_IN, MOVE_OUT, MAINTENANCE
}
