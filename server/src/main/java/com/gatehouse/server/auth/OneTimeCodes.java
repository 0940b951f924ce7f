package com.gatehouse.server.auth;

import com.gatehouse.api.common.Problem;
import com.gatehouse.server.sms.SmsSender;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One-time sign-in codes: 6 random digits, sent by SMS, kept only as a bcrypt hash in {@code auth_otp_code}
 * (PostgreSQL, so every instance sees the same codes and counts). Limits ({@link OtpSettings}): codes per
 * phone and per client address within the window (429 with Retry-After past them), guesses per code (the
 * code is retired at the last wrong one), lifetime. A code works once. Each send is written before the
 * limits are counted and removed when over them, so parallel sends cannot slip past a limit.
 */
@Component
public class OneTimeCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * bcrypt at its lowest work factor: a 6-digit code cannot be kept from an offline search by any work factor;
     * what protects it is its 2-minute life and 5 guesses. The hash keeps it from a plain reading of the table.
     */
    private static final BCryptPasswordEncoder HASH = new BCryptPasswordEncoder(4);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OtpSettings settings;
    private final SmsSender sms;

    public OneTimeCodes(JdbcTemplate jdbc, Clock clock, OtpSettings settings, SmsSender sms) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.sms = sms;
    }

    /** What a send answers: when the code stops working. */
    public record Sent(Instant expiresAt) {
    }

    /** Sends a new code to {@code phone} (E.164) asked from {@code address}; retires the phone's older codes. */
    public Sent send(String phone, String address) {
        Instant now = clock.instant();
        jdbc.update("delete from auth_otp_code where created_at <= ?", Timestamp.from(now.minus(settings.window())));
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant expiresAt = now.plus(settings.ttl());
        Long id = jdbc.queryForObject("""
                        insert into auth_otp_code (phone, address, code_hash, created_at, expires_at)
                        values (?, ?, ?, ?, ?) returning id""", Long.class,
                phone, address, HASH.encode(code), Timestamp.from(now), Timestamp.from(expiresAt));
        Timestamp since = Timestamp.from(now.minus(settings.window()));
        var counts = jdbc.queryForObject("""
                        select count(*) filter (where phone = ?), min(created_at) filter (where phone = ?),
                               count(*) filter (where address = ?), min(created_at) filter (where address = ?)
                        from auth_otp_code where (phone = ? or address = ?) and created_at > ?""",
                (rs, i) -> new Object[]{rs.getLong(1), rs.getTimestamp(2), rs.getLong(3), rs.getTimestamp(4)},
                phone, phone, address, address, phone, address, since);
        if ((Long) counts[0] > settings.maxPerPhone() || (Long) counts[2] > settings.maxPerAddress()) {
            jdbc.update("delete from auth_otp_code where id = ?", id);
            if ((Long) counts[0] > settings.maxPerPhone()) {
                throw new LoginThrottle.Throttled("Too many codes sent to this phone number",
                        wait((Timestamp) counts[1], now));
            }
            throw new LoginThrottle.Throttled("Too many codes asked from your address", wait((Timestamp) counts[3], now));
        }
        try {
            sms.send(phone, code + " is your Gatehouse sign-in code. It expires in "
                    + settings.ttl().toMinutes() + " minutes. Do not share it.");
        } catch (RuntimeException e) {
            jdbc.update("delete from auth_otp_code where id = ?", id);
            throw new Problem(Problem.Kind.UNAVAILABLE, "The code could not be sent; try again in a moment");
        }
        jdbc.update("update auth_otp_code set used_at = ? where phone = ? and used_at is null and id <> ?",
                Timestamp.from(now), phone, id);
        return new Sent(expiresAt);
    }

    /**
     * Checks a code for {@code phone}; uses it up when right. Wrong, expired, used or never sent: 400 (the
     * detail says which and how many guesses are left).
     */
    public void verify(String phone, String code) {
        Instant now = clock.instant();
        var live = jdbc.query("""
                        select id, code_hash, expires_at from auth_otp_code
                        where phone = ? and used_at is null order by id desc limit 1""",
                (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()}, phone)
                .stream().findFirst()
                .orElseThrow(() -> Problem.invalid("code", "no code is waiting for this phone: ask for a new one"));
        long id = (Long) live[0];
        if (!now.isBefore((Instant) live[2])) {
            throw Problem.invalid("code", "the code has expired: ask for a new one");
        }
        Integer attempts = jdbc.query("""
                        update auth_otp_code set attempts = attempts + 1
                        where id = ? and used_at is null and attempts < ? returning attempts""",
                (rs, i) -> rs.getInt(1), id, settings.maxAttempts()).stream().findFirst().orElse(null);
        if (attempts == null) {
            throw Problem.invalid("code", "too many wrong codes: ask for a new one");
        }
        boolean right = code != null && code.strip().matches("\\d{6}") && HASH.matches(code.strip(), (String) live[1]);
        if (!right) {
            int left = settings.maxAttempts() - attempts;
            if (left <= 0) {
                jdbc.update("update auth_otp_code set used_at = ? where id = ?", Timestamp.from(now), id);
                throw Problem.invalid("code", "wrong code, and that was the last try: ask for a new one");
            }
            throw Problem.invalid("code", "wrong code; " + left + (left == 1 ? " try" : " tries") + " left");
        }
        int used = jdbc.update("update auth_otp_code set used_at = ? where id = ? and used_at is null",
                Timestamp.from(now), id);
        if (used == 0) {
            throw Problem.invalid("code", "this code was already used: ask for a new one");
        }
    }

    private long wait(Timestamp oldest, Instant now) {
        Instant until = (oldest == null ? now : oldest.toInstant()).plus(settings.window());
        return Math.max(1, Duration.between(now, until).toSeconds() + 1);
    }
}
