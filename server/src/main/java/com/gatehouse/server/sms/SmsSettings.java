package com.gatehouse.server.sms;

import com.gatehouse.server.config.GatehouseProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * SMS delivery ({@code gatehouse.sms.*}).
 * <ul>
 *   <li>{@code provider}: {@code log} (default; writes each message to {@code <data-dir>/sms.log} and the log,
 *       so sign-in by code works with no SMS account) or {@code msg91}.</li>
 *   <li>{@code msg91.url} (default {@code https://control.msg91.com/api/v5/flow/}), {@code msg91.auth-key}
 *       (the account's auth key, sent as header {@code authkey}), {@code msg91.template-id} (an approved DLT
 *       flow template whose one variable, named by {@code msg91.code-variable} (default
 *       {@code otp}), receives the code).</li>
 *   <li>{@code attempts} (3) and {@code backoff} (PT0.5S, doubled each time): retries of a failed HTTP send
 *       (network errors, 429 and 5xx answers); {@code timeout} (PT5S) per attempt.</li>
 * </ul>
 */
@ConfigurationProperties("gatehouse.sms")
public record SmsSettings(@DefaultValue("log") String provider,
                          @DefaultValue Msg91 msg91,
                          @DefaultValue("3") int attempts,
                          @DefaultValue("PT0.5S") Duration backoff,
                          @DefaultValue("PT5S") Duration timeout) {

    public record Msg91(@DefaultValue("https://control.msg91.com/api/v5/flow/") String url, String authKey,
                        String templateId, @DefaultValue("otp") String codeVariable) {
    }

    public SmsSettings {
        if (!"log".equals(provider) && !"msg91".equals(provider)) {
            throw new IllegalArgumentException("gatehouse.sms.provider must be log or msg91; was " + provider);
        }
        if ("msg91".equals(provider) && (msg91.authKey() == null || msg91.authKey().isBlank()
                || msg91.templateId() == null || msg91.templateId().isBlank())) {
            throw new IllegalArgumentException("gatehouse.sms.provider=msg91 needs gatehouse.sms.msg91.auth-key and "
                    + "gatehouse.sms.msg91.template-id");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("gatehouse.sms.attempts must be 1 or more; was " + attempts);
        }
        GatehouseProperties.positive(backoff, "gatehouse.sms.backoff");
        GatehouseProperties.positive(timeout, "gatehouse.sms.timeout");
    }
}
