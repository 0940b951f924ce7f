package com.gatehouse.api.entry;

import java.util.EnumSet;
import java.util.Set;

/** Who is at the gate (the contract's enum). */
public enum EntryType {
    VISITOR, DELIVERY, CAB, SERVICE, OTHER;

    /** The kinds of visit that should be short: an entry of these still open after a while raises an overstay alert. */
    public static final Set<EntryType> WATCHED_FOR_OVERSTAY = EnumSet.of(DELIVERY, CAB, SERVICE);
}
