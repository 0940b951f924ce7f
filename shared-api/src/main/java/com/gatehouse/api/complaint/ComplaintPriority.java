package com.gatehouse.api.complaint;

/** How urgent a complaint is (the seed's enum), lowest first: lists sorted by priority put URGENT first. */
public enum ComplaintPriority {
    LOW, MEDIUM, HIGH, URGENT
}
