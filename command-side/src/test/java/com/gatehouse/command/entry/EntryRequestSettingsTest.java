package com.gatehouse.command.entry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EntryRequestSettingsTest {

    @Configuration
    @EnableConfigurationProperties(EntryRequestSettings.class)
    static class Bound {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void defaultsAreFifteenMinutesToDecideAndThirtyToStay() {
        runner.run(context -> assertThat(context.getBean(EntryRequestSettings.class))
                .isEqualTo(new EntryRequestSettings(Duration.ofMinutes(15), Duration.ofMinutes(30),
                        Duration.ofSeconds(45), Duration.ofSeconds(90))));
    }

    @Test
    void anOperatorSetsTheTimes() {
        runner.withPropertyValues("gatehouse.entry-request.expiry=PT2S", "gatehouse.entry-request.overstay=PT1H")
                .run(context -> assertThat(context.getBean(EntryRequestSettings.class))
                        .isEqualTo(new EntryRequestSettings(Duration.ofSeconds(2), Duration.ofHours(1),
                                Duration.ofSeconds(45), Duration.ofSeconds(90))));
    }

    @Test
    void anInvalidTimeStopsStartUpNamingTheProperty() {
        for (String bad : new String[]{"gatehouse.entry-request.expiry=PT0S", "gatehouse.entry-request.overstay=-PT5M",
                "gatehouse.entry-request.expiry=soon"}) {
            runner.withPropertyValues(bad).run(context -> {
                assertThat(context).hasFailed();
                assertThat(rootMessages(context.getStartupFailure())).contains(bad.substring(0, bad.indexOf('=')));
            });
        }
    }

    private static String rootMessages(Throwable error) {
        var text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
