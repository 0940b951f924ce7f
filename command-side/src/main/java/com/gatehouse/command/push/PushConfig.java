package com.gatehouse.command.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The providers {@code gatehouse.push.provider} names, and this instance's drainer of the outbox. */
@Configuration
public class PushConfig {

    @Bean
    public PushDrainer pushDrainer(PushOutbox outbox, Devices devices, PushSettings settings, ObjectMapper json,
                                   Clock clock, @Value("${gatehouse.data-dir:./data}") Path dataDir) {
        List<PushProvider> providers = new ArrayList<>();
        if (settings.provider().equals("log")) {
            providers.add(new LogPushProvider(dataDir.resolve("push.log"), json, clock));
        } else {
            if (settings.webPush().configured()) {
                providers.add(new WebPushProvider(settings.webPush(), clock));
            }
            providers.add(new FcmPushProvider(settings.fcm(), json, clock));
        }
        var drainer = new PushDrainer(outbox, devices, providers, settings, clock, owner());
        outbox.onCommit(drainer::wake);
        return drainer;
    }

    static String owner() {
        String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 80 ? name.substring(name.length() - 80) : name;
    }
}
