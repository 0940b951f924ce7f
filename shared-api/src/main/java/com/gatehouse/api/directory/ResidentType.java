package com.gatehouse.api.directory;

/** Whether an applicant owns the flat or rents it. */
public enum ResidentType {
    OWNER, TENANT
}
