package com.gatehouse.command.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a free-text field of a request body that may span lines: newline and tab are kept there (a
 * {@code \r\n} becomes {@code \n}). Every other text field refuses them like any control character. The
 * rules for every text field (trimmed, NFC, no control characters, a length cap) are applied in one place,
 * the server's request-body decoder ({@code RequestText}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {
}
