package com.gatehouse.command.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field of a request body whose spaces at either end are part of the value (passwords): it is
 * not trimmed, but otherwise follows the rules of every text field (NFC, no control characters).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface KeepSpaces {
}
