package com.gatehouse.api.notice;

/** How important a notice is (the seed's enum; MEDIUM when not given). */
public enum NoticePriority {
    LOW, MEDIUM, HIGH, CRITICAL
}
