package com.gatehouse.server.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The embedded default: appends each message as one line {@code <instant> <phone> <text>} to
 * {@code <data-dir>/sms.log} and logs it, so a developer (or a test) reads the code there.
 */
public class LogSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LogSmsSender.class);

    private final Path file;

    public LogSmsSender(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void send(String phone, String text) {
        String line = Instant.now() + " " + phone + " " + text.replace('\n', ' ') + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("SMS to {} (gatehouse.sms.provider=log, {}): {}", phone, file, text);
    }
}
