package com.gatehouse.server.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MSG91's flow API: POST {@code {template_id, short_url:"0", recipients:[{mobiles, <code-variable>}]}} with
 * header {@code authkey}. The code is taken from the text (its 6 digits) for the template's variable. Network
 * errors, 429 and 5xx answers are retried ({@code gatehouse.sms.attempts}, backoff doubling); other answers
 * fail at once.
 */
public class Msg91SmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(Msg91SmsSender.class);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SmsSettings settings;
    private final HttpClient http;

    public Msg91SmsSender(SmsSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public void send(String phone, String text) {
        Matcher code = CODE.matcher(text);
        String mobiles = phone.startsWith("+") ? phone.substring(1) : phone;
        Map<String, Object> recipient = Map.of("mobiles", mobiles,
                settings.msg91().codeVariable(), code.find() ? code.group(1) : text);
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("template_id", settings.msg91().templateId(), "short_url", "0",
                    "recipients", java.util.List.of(recipient)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var request = HttpRequest.newBuilder(URI.create(settings.msg91().url()))
                .timeout(settings.timeout())
                .header("authkey", settings.msg91().authKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long wait = settings.backoff().toMillis();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return;
                }
                last = new IllegalStateException("MSG91 answered " + status + ": " + response.body());
                if (status != 429 && status < 500) {
                    throw last;
                }
            } catch (IOException e) {
                last = new IllegalStateException("MSG91 could not be reached: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while sending an SMS", e);
            }
            log.warn("SMS to {} failed (attempt {} of {}): {}", phone, attempt, settings.attempts(), last.getMessage());
            if (attempt < settings.attempts()) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw last;
                }
                wait *= 2;
            }
        }
        throw last;
    }
}
