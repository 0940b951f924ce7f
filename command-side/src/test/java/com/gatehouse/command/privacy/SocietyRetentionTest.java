package com.gatehouse.command.privacy;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.privacy.RetentionCommand.ChangeRetention;
import com.gatehouse.api.privacy.RetentionEvent.RetentionChanged;
import com.gatehouse.api.privacy.RetentionId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.mockito.Mockito.mock;

class SocietyRetentionTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final SocietyId SOCIETY = SocietyId.random();
    static final RetentionId ID = RetentionId.of(SOCIETY);
    static final UserId ADMIN = UserId.random();

    AggregateTestFixture<SocietyRetention> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SocietyRetention.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(mock(RetentionPolicies.class));
    }

    @Test
    void anAdminShortensTheSocietysRetention() {
        fixture.givenNoPriorActivity()
                .when(new ChangeRetention(SOCIETY, 60, 30, null, ADMIN))
                .expectEvents(new RetentionChanged(ID, SOCIETY, 60, 30, null, ADMIN, NOW));
    }

    @Test
    void theSameValuesAgainChangeNothing() {
        fixture.given(new RetentionChanged(ID, SOCIETY, 60, 30, null, ADMIN, NOW.minus(Duration.ofDays(1))))
                .when(new ChangeRetention(SOCIETY, 60, 30, null, ADMIN))
                .expectNoEvents();
    }

    @Test
    void aValueOutOfItsBoundsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ChangeRetention(SOCIETY, 731, null, null, ADMIN))
                .expectException(Problem.class);
        fixture.givenNoPriorActivity()
                .when(new ChangeRetention(SOCIETY, null, 0, null, ADMIN))
                .expectException(Problem.class);
        fixture.givenNoPriorActivity()
                .when(new ChangeRetention(SOCIETY, null, null, 366, ADMIN))
                .expectException(Problem.class);
    }
}
