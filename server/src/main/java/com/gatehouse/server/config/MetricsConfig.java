package com.gatehouse.server.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Axon's meters, lean by default. Axon's Micrometer module builds and looks up four timers, five counters and two
 * gauges <em>per message</em> (its meters are tagged with the message's payload type), and every processing group
 * sees every event: an event its handlers ignore still went through all of that in each of the ~70 processor
 * threads. That was about a tenth of the server's CPU under load. By default each processor and bus instead gets
 * its meters once, tagged by its name only, and an ignored event costs one counter increment:
 * <ul>
 *   <li>{@code <component>.ingestedCounter}, {@code .successCounter}, {@code .failureCounter},
 *       {@code .ignoredCounter}: messages seen, handled, failed, ignored;</li>
 *   <li>{@code <component>.successTimer}, {@code .failureTimer}: handling time (count, sum, max; no percentiles);</li>
 *   <li>{@code eventProcessor.latency}: for each processor, milliseconds between an event's creation and its
 *       handling, as of the last event handled.</li>
 * </ul>
 * Components are {@code eventProcessor} (tag {@code processorName}), {@code commandBus}, {@code eventStore},
 * {@code queryBus} and {@code queryUpdateEmitter}. {@code gatehouse.metrics.axon-detailed=true} restores Axon's own
 * meters per payload type with client-side percentiles (over a megabyte of {@code /actuator/prometheus}).
 */
@Configuration
public class MetricsConfig {

    /** Replaces Axon's auto-configured module (it is created only when no other {@link MetricsConfigurerModule} is). */
    @Bean
    public MetricsConfigurerModule axonMetrics(MeterRegistry registry,
                                               @Value("${gatehouse.metrics.axon-detailed:false}") boolean detailed) {
        GlobalMetricRegistry axon = new GlobalMetricRegistry(registry);
        if (detailed) {
            return new MetricsConfigurerModule(axon, true);
        }
        return new MetricsConfigurerModule(axon, true) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(config -> (type, name) -> lean(registry, type, name));
            }
        };
    }

    static MessageMonitor<Message<?>> lean(MeterRegistry registry, Class<?> componentType, String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return new LeanMonitor(registry, "eventProcessor", Tags.of(TagsUtil.PROCESSOR_NAME_TAG, componentName), true);
        }
        return new LeanMonitor(registry, componentName, Tags.empty(), false);
    }

    /** One component's meters, made once; each message costs a counter increment and, if handled, a timer record. */
    static final class LeanMonitor implements MessageMonitor<Message<?>> {

        private final Counter ingested;
        private final Counter succeeded;
        private final Counter failed;
        private final Counter ignored;
        private final Timer successTimer;
        private final Timer failureTimer;
        private final AtomicLong latency;

        LeanMonitor(MeterRegistry registry, String prefix, Tags tags, boolean measureLatency) {
            this.ingested = Counter.builder(prefix + ".ingestedCounter").tags(tags).register(registry);
            this.succeeded = Counter.builder(prefix + ".successCounter").tags(tags).register(registry);
            this.failed = Counter.builder(prefix + ".failureCounter").tags(tags).register(registry);
            this.ignored = Counter.builder(prefix + ".ignoredCounter").tags(tags).register(registry);
            this.successTimer = Timer.builder(prefix + ".successTimer").tags(tags).register(registry);
            this.failureTimer = Timer.builder(prefix + ".failureTimer").tags(tags).register(registry);
            if (measureLatency) {
                this.latency = new AtomicLong();
                Gauge.builder(prefix + ".latency", latency, AtomicLong::get).tags(tags).baseUnit("milliseconds")
                        .register(registry);
            } else {
                this.latency = null;
            }
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            ingested.increment();
            long start = System.nanoTime();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    successTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    succeeded.increment();
                    if (latency != null && message instanceof EventMessage<?> event) {
                        latency.set(System.currentTimeMillis() - event.getTimestamp().toEpochMilli());
                    }
                }

                @Override
                public void reportFailure(Throwable cause) {
                    failureTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    failed.increment();
                }

                @Override
                public void reportIgnored() {
                    ignored.increment();
                }
            };
        }
    }
}
