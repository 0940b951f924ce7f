package com.gatehouse.api.preapproval;

/** Who a pre-approved visitor is (the seed's enum). */
public enum VisitorType {
    GUEST, DELIVERY_PERSON, CAB_DRIVER, SERVICE_PROVIDER, OTHER, FAMILY_MEMBER, FRIEND
}
