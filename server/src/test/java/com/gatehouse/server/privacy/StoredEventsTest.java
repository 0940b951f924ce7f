package com.gatehouse.server.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.PersonalFields;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After every story of the suite has run on the shared server (this class runs last: {@code @Order} with the
 * class orderer of junit-platform.properties), the event table holds no password hash and no personal field in
 * plain text: every {@code @PersonalData} component of every stored event is null or sealed.
 */
@Order(Integer.MAX_VALUE)
class StoredEventsTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noStoredEventHoldsAHashOrAPlainPersonalField() {
        api().newSociety(); // at least one society's registrations, even when this class runs alone
        assertThat(jdbc.queryForList("""
                select payload_type from domain_event_entry
                where convert_from(payload, 'UTF8') like '%passwordHash%' or convert_from(payload, 'UTF8') ~ '\\$2[aby]\\$'""",
                String.class)).as("events holding a password hash").isEmpty();

        List<String> plain = new ArrayList<>();
        AtomicInteger sealed = new AtomicInteger();
        jdbc.query("select global_index, payload_type, convert_from(payload, 'UTF8') as payload from domain_event_entry",
                rs -> {
                    Class<?> type;
                    try {
                        type = Class.forName(rs.getString("payload_type"));
                    } catch (ClassNotFoundException e) {
                        return;
                    }
                    if (PersonalFields.of(type).isEmpty()) {
                        return;
                    }
                    try {
                        check(type, json.readTree(rs.getString("payload")), rs.getString("payload_type") + "#"
                                + rs.getLong("global_index") + " ", plain, sealed);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        assertThat(plain).as("personal fields stored in plain text").isEmpty();
        assertThat(sealed.get()).as("sealed personal fields seen").isGreaterThan(0);
    }

    private static void check(Class<?> type, JsonNode node, String where, List<String> plain, AtomicInteger sealed) {
        var plan = PersonalFields.of(type);
        for (var mark : plan.marks()) {
            JsonNode value = node.get(mark.name());
            boolean hasSubject = mark.idFrom().stream().anyMatch(node::hasNonNull);
            if (value == null || value.isNull() || !hasSubject) {
                continue;
            }
            if (value.isObject() && value.size() == 1 && value.path("$pd").isTextual()) {
                sealed.incrementAndGet();
            } else {
                plain.add(where + mark.name());
            }
        }
        for (String nested : plan.nested()) {
            try {
                Class<?> nestedType = type.getMethod(nested).getReturnType();
                if (node.hasNonNull(nested)) {
                    check(nestedType, node.get(nested), where + nested + ".", plain, sealed);
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
