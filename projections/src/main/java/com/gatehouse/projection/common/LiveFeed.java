package com.gatehouse.projection.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A kind of live change (a name and the type of its items): declared once as a constant next to the projection
 * that publishes it ({@link LiveFeeds#publish}) and used by the stream that follows it ({@link LiveFeeds#query}).
 * Items are addressed by keys (e.g. {@code "society:<id>"}, {@code "flat:<id>"}): a subscriber follows one key.
 */
public record LiveFeed<V>(String name, Class<V> type) {

    private static final Map<String, LiveFeed<?>> FEEDS = new ConcurrentHashMap<>();

    public LiveFeed {
        if (name.indexOf('\n') >= 0 || name.indexOf('\t') >= 0) {
            throw new IllegalArgumentException("A feed name is one word");
        }
    }

    public static <V> LiveFeed<V> of(String name, Class<V> type) {
        LiveFeed<V> feed = new LiveFeed<>(name, type);
        LiveFeed<?> known = FEEDS.putIfAbsent(name, feed);
        if (known != null && !known.equals(feed)) {
            throw new IllegalStateException("Two live feeds named " + name);
        }
        return feed;
    }

    /** The key of everything of a society. */
    public static String society(Object societyId) {
        return "society:" + societyId;
    }

    /** The key of everything of a flat. */
    public static String flat(Object flatId) {
        return "flat:" + flatId;
    }

    /** The key of everything of a user. */
    public static String user(Object userId) {
        return "user:" + userId;
    }

    static LiveFeed<?> named(String name) {
        return FEEDS.get(name);
    }
}
