package com.gatehouse.command.upload;

import java.text.Normalizer;

/**
 * Sanitising the file names clients declare. {@link #displayName} is what the document shows: the last
 * path segment only (no directories, no {@code ..}), without control or bidi-formatting characters.
 * {@link #keySafe} is its ASCII form for the object key: letters, digits, {@code . _ -} only.
 */
public final class FileNames {

    static final int MAX_DISPLAY = 120;
    static final int MAX_KEY = 80;
    private static final String FALLBACK = "file";

    private FileNames() {
    }

    public static String displayName(String declared) {
        String name = Normalizer.normalize(declared == null ? "" : declared, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (isPrintable(cp)) {
                out.appendCodePoint(cp);
            }
        });
        String clean = out.toString().replaceAll(" {2,}", " ").strip();
        if (clean.chars().allMatch(c -> c == '.')) {
            return FALLBACK;
        }
        return shorten(clean, MAX_DISPLAY);
    }

    public static String keySafe(String displayName) {
        String ascii = Normalizer.normalize(displayName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String safe = ascii.replaceAll("[^A-Za-z0-9._-]+", "_")
                .replaceAll("\\.{2,}", ".")
                .replaceAll("_{2,}", "_")
                .replaceAll("^[._-]+", "")
                .replaceAll("[_-]+(\\.[A-Za-z0-9]+)$", "$1");
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.' || c == '_')) {
            return FALLBACK;
        }
        return shorten(safe, MAX_KEY);
    }

    private static boolean isPrintable(int cp) {
        int type = Character.getType(cp);
        return !Character.isISOControl(cp) && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.SURROGATE && type != Character.PRIVATE_USE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }

    /** At most {@code max} code points, keeping a short extension. */
    private static String shorten(String name, int max) {
        if (name.codePointCount(0, name.length()) <= max) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = ext.isEmpty() ? name : name.substring(0, dot);
        int keep = max - ext.codePointCount(0, ext.length());
        return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + ext;
    }
}
