package com.gatehouse.server.sms;

import com.gatehouse.server.config.GatehouseProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;

/** Picks the {@link SmsSender} named by {@code gatehouse.sms.provider}. */
@Configuration
public class SmsConfig {

    @Bean
    public SmsSender smsSender(SmsSettings settings, GatehouseProperties properties) {
        return switch (settings.provider()) {
            case "msg91" -> new Msg91SmsSender(settings, HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
            default -> new LogSmsSender(properties.dataDir().resolve("sms.log"));
        };
    }
}
