package com.gatehouse.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The scoping rules every controller takes from {@link Caller}: one place, so one test. */
class CallerTest {

    static final UUID SOCIETY = UUID.randomUUID();
    static final UUID FLAT = UUID.randomUUID();
    static final UUID OTHER_FLAT = UUID.randomUUID();

    static Caller as(Role role, UUID society, UUID flat) {
        return new Caller(UUID.randomUUID(), role, society, flat);
    }

    static void refusedAsNotFound(Runnable call, String what) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Problem.class, problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.NOT_FOUND);
            assertThat(problem.getMessage()).contains(what);
        });
    }

    @Test
    void aResidentsListIsConfinedToTheirOwnFlat() {
        Caller resident = as(Role.RESIDENT, SOCIETY, FLAT);
        assertThat(resident.flatScope(null)).isEqualTo(FLAT);
        assertThat(resident.flatScope(FLAT)).isEqualTo(FLAT);
        refusedAsNotFound(() -> resident.flatScope(OTHER_FLAT), "Flat");
        refusedAsNotFound(() -> as(Role.RESIDENT, SOCIETY, null).flatScope(null), "Flat");
    }

    @Test
    void everyoneElseListsTheFlatTheyAskForOrTheWholeSociety() {
        Caller guard = as(Role.GUARD, SOCIETY, null);
        assertThat(guard.flatScope(null)).isNull();
        assertThat(guard.flatScope(OTHER_FLAT)).isEqualTo(OTHER_FLAT);
    }

    @Test
    void ownSocietyAndFlatAreRefusedToCallersWithout() {
        assertThat(as(Role.ADMIN, SOCIETY, null).ownSociety()).isEqualTo(new SocietyId(SOCIETY));
        refusedAsNotFound(() -> Caller.system().ownSociety(), "Society");
        assertThat(as(Role.RESIDENT, SOCIETY, FLAT).ownFlat()).isEqualTo(new FlatId(FLAT));
        refusedAsNotFound(() -> as(Role.GUARD, SOCIETY, null).ownFlat(), "Flat");
    }

    @Test
    void onlyAResidentActsForAFlat() {
        assertThat(as(Role.RESIDENT, SOCIETY, FLAT).actingFlat()).isEqualTo(new FlatId(FLAT));
        assertThat(as(Role.ADMIN, SOCIETY, null).actingFlat()).isNull();
        refusedAsNotFound(() -> as(Role.RESIDENT, SOCIETY, null).actingFlat(), "Flat");
    }
}
