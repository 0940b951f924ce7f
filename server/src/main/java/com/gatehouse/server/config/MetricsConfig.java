package com.gatehouse.server.config;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Set;

/**
 * Keeps {@code /actuator/prometheus} lean. Axon's Micrometer metrics tag every timer and counter with the
 * message's payload type and publish six client-side percentiles per timer: per processor times per event type
 * times four timers times six quantiles, over a megabyte of text after a few dozen events. By default the
 * Axon meters are aggregated per processor / bus (the {@code payloadType} tag dropped) and publish count,
 * sum and max only. {@code gatehouse.metrics.axon-detailed=true} keeps Axon's full detail.
 */
@Configuration
public class MetricsConfig {

    /** Name prefixes of the meters Axon's Micrometer module registers. */
    static final Set<String> AXON_METERS =
            Set.of("eventProcessor", "eventStore", "commandBus", "queryBus", "queryUpdateEmitter", "deadlineManager");

    @Bean
    public MeterFilter leanAxonMetrics(@Value("${gatehouse.metrics.axon-detailed:false}") boolean detailed) {
        if (detailed) {
            return new MeterFilter() {
            };
        }
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!isAxon(id) || id.getTag("payloadType") == null) {
                    return id;
                }
                List<Tag> kept = id.getTags().stream().filter(tag -> !tag.getKey().equals("payloadType")).toList();
                return id.replaceTags(kept);
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!isAxon(id)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentiles().percentilesHistogram(false).build()
                        .merge(config);
            }
        };
    }

    private static boolean isAxon(Meter.Id id) {
        String name = id.getName();
        int dot = name.indexOf('.');
        return AXON_METERS.contains(dot < 0 ? name : name.substring(0, dot));
    }
}
