package com.gatehouse.command.directory;

import com.gatehouse.api.common.Problem;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;

/**
 * Password hashing: bcrypt, work factor 10 (about 50-100 ms a hash on the reference machine). bcrypt reads
 * at most {@value #MAX_BYTES} bytes: a longer password is refused when set (400) and never matches at login,
 * rather than failing inside the encoder.
 */
public final class Passwords {

    /** bcrypt's limit, in UTF-8 bytes. */
    public static final int MAX_BYTES = 72;

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(10);

    private Passwords() {
    }

    public static String hash(String password) {
        if (tooLong(password)) {
            throw Problem.invalid("password", "must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        return BCRYPT.encode(password);
    }

    public static boolean matches(String password, String hash) {
        return !tooLong(password) && BCRYPT.matches(password, hash);
    }

    private static boolean tooLong(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
