package com.gatehouse.server.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.gatehouse.command.common.KeepSpaces;
import com.gatehouse.command.common.MultiLine;

import java.io.IOException;
import java.text.Normalizer;

/**
 * The rules every text in a request obeys, in one place. A text field of a JSON body is trimmed and
 * NFC-normalised, and refused (400 naming the field) when it holds a control character (U+0000-U+001F,
 * U+007F-U+009F; newline and tab are allowed in {@link MultiLine} fields), a lone surrogate, or more than
 * {@value #MAX_CHARS} characters; fields have tighter maxima of their own ({@code @Size}). Query parameters
 * with a control character are refused by {@link QueryTextFilter}.
 * <p>
 * Applied by the request-body decoder only ({@link RequestBodies}): events, stored JSON and Axon's own
 * serializer are untouched.
 */
public final class RequestText {

    /** The longest text any field of a request body may hold (most fields allow far less). */
    public static final int MAX_CHARS = 10_000;

    private RequestText() {
    }

    /** Refusal of one text, naming what is wrong with it; Jackson adds the field's path. */
    public static final class Refused extends JsonMappingException {
        private final String reason;

        Refused(JsonParser parser, String reason) {
            super(parser, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The Jackson module that applies these rules to every {@code String} a request body holds. */
    public static SimpleModule module() {
        return new SimpleModule("gatehouse-request-text").addDeserializer(String.class, new Deserializer(false, false));
    }

    /** The problem with a text, or null when it may pass (after {@link #clean}); for query parameters. */
    public static String controlCharacter(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && !(multiLine && (c == '\n' || c == '\t'))) {
                return String.format("must not contain control characters (U+%04X at position %d)", (int) c, i + 1);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode text (a lone surrogate at position " + (i + 1) + ")";
            }
        }
        return null;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    static String clean(String raw, boolean multiLine, boolean keepSpaces, JsonParser parser) throws Refused {
        if (raw.length() > 4 * MAX_CHARS) {
            throw new Refused(parser, "must be at most " + MAX_CHARS + " characters");
        }
        String text = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (multiLine) {
            text = text.replace("\r\n", "\n");
        }
        if (!keepSpaces) {
            text = text.strip();
        }
        if (text.length() > MAX_CHARS) {
            throw new Refused(parser, "must be at most " + MAX_CHARS + " characters");
        }
        String problem = controlCharacter(text, multiLine);
        if (problem != null) {
            throw new Refused(parser, problem);
        }
        return text;
    }

    static final class Deserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {
        private final boolean multiLine;
        private final boolean keepSpaces;

        Deserializer(boolean multiLine, boolean keepSpaces) {
            super(String.class);
            this.multiLine = multiLine;
            this.keepSpaces = keepSpaces;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean multi = property != null && property.getAnnotation(MultiLine.class) != null;
            boolean keep = property != null && property.getAnnotation(KeepSpaces.class) != null;
            return multi == multiLine && keep == keepSpaces ? this : new Deserializer(multi, keep);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_TRUE || parser.currentToken() == JsonToken.VALUE_FALSE) {
                // numbers pass as their text (a flat "number": 101), a boolean is a mistake
                throw new Refused(parser, "must be a string");
            }
            String raw = StringDeserializer.instance.deserialize(parser, context);
            return raw == null ? null : clean(raw, multiLine, keepSpaces, parser);
        }
    }
}
