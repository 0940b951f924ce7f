package com.gatehouse.server.directory;

import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform admin's password never reaches the console or the logs. */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    @TempDir
    Path dataDir;

    @Test
    void anOperatorsPasswordIsNeverPrinted(CapturedOutput output) {
        try (var server = StandaloneServer.start(dataDir)) {
            server.api().platformAdmin(); // the password works
        }
        assertThat(output.getAll()).contains("Admin login: phone " + Api.ADMIN_PHONE)
                .doesNotContain(Api.ADMIN_PASSWORD);
        assertThat(dataDir.resolve("initial-admin.txt")).doesNotExist();
    }

    @Test
    void aGeneratedPasswordIsOnlyWrittenToAFileOnlyTheOwnerReads(CapturedOutput output) throws Exception {
        Path file = dataDir.resolve("initial-admin.txt");
        try (var server = StandaloneServer.startWithGeneratedAdminPassword(dataDir)) {
            String password = Files.readString(file).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);
            server.api().login(Api.ADMIN_PHONE, password);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(output.getAll()).contains(file.toAbsolutePath().toString()).doesNotContain(password);
        }
    }
}
