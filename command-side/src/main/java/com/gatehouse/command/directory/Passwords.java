package com.gatehouse.command.directory;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Password hashing: bcrypt, work factor 10 (about 50-100 ms a hash on the reference machine). */
public final class Passwords {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(10);

    private Passwords() {
    }

    public static String hash(String password) {
        return BCRYPT.encode(password);
    }

    public static boolean matches(String password, String hash) {
        return BCRYPT.matches(password, hash);
    }
}
