package com.gatehouse.server.sms;

/**
 * Sends a text message to a phone (E.164). Chosen by {@code gatehouse.sms.provider}: {@code log} (the default)
 * appends to {@code <data-dir>/sms.log}; {@code msg91} sends through MSG91's HTTP API. Throws when the message
 * could not be handed over (after the provider's retries).
 */
public interface SmsSender {

    void send(String phone, String text);
}
