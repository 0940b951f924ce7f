package com.gatehouse.server.privacy;

import com.gatehouse.server.support.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Instances that share a database must share the privacy master key: one started on an external database without
 * {@code gatehouse.privacy.master-key} refuses to start, naming the setting, and makes no key of its own (the
 * embedded default keeps its data dir's key: every other test runs on it; a joining instance gets it from
 * {@code join.env}: TwoInstancesTest).
 */
class MasterKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void anInstanceOnAnExternalDatabaseWithoutTheMasterKeyRefusesToStart() {
        assertThatThrownBy(() -> StandaloneServer.start(dataDir,
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:9/gatehouse",
                "spring.datasource.hikari.connection-timeout=250"))
                .hasStackTraceContaining("gatehouse.privacy.master-key")
                .hasStackTraceContaining("external database");
        assertThat(Files.exists(dataDir.resolve("keys").resolve("privacy-master.key")))
                .as("no key of its own").isFalse();
    }
}
