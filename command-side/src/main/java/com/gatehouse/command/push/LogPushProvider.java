package com.gatehouse.command.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.push.DevicePlatform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded default: appends each push as one JSON line to {@code <data-dir>/push.log}, so the whole flow
 * (devices, outbox, retries, escalation) can be watched without a cloud account: {@code tail -f data/push.log}.
 * The token is not written (it is a secret); the device's platform and the message id are.
 */
class LogPushProvider implements PushProvider {

    private final Path file;
    private final ObjectMapper json;
    private final Clock clock;

    LogPushProvider(Path file, ObjectMapper json, Clock clock) {
        this.file = file;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public boolean delivers(DevicePlatform platform) {
        return true;
    }

    @Override
    public synchronized Outcome send(PushMessage message) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", clock.instant().toString());
        line.put("messageId", message.messageId());
        line.put("notificationId", message.notificationId());
        line.put("platform", message.platform());
        line.put("type", message.type());
        line.put("urgent", message.urgent());
        line.put("critical", message.critical());
        line.put("title", message.title());
        line.put("body", message.body());
        line.put("data", message.data());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return new Accepted();
        } catch (IOException e) {
            return new Retry("cannot write " + file + ": " + e.getMessage(), null);
        }
    }

    Path file() {
        return file;
    }

}
