package com.gatehouse.api.entry;

/** The delivery service a rider comes from (the contract's enum). */
public enum ProviderTag {
    BLINKIT, SWIGGY, ZOMATO, AMAZON, FLIPKART, BIGBASKET, DUNZO, OTHER
}
