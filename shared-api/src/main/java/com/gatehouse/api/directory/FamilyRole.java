package com.gatehouse.api.directory;

/** How a family member invited by a flat's primary resident is related to them. */
public enum FamilyRole {
    SPOUSE, CHILD, PARENT, SIBLING, OTHER
}
