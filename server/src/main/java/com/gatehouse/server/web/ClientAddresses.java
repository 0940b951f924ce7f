package com.gatehouse.server.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The address a request comes from, for per-client limits (login throttling). It is the connection's
 * remote address, unless that address is a proxy named in {@code gatehouse.trusted-proxies} (addresses or
 * CIDR ranges, e.g. {@code 127.0.0.1,10.0.0.0/8}): then the rightmost {@code X-Forwarded-For} entry that
 * is not itself a trusted proxy. Without that setting {@code X-Forwarded-For} is ignored, since anyone
 * can send it.
 */
@Component
public class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Range> trusted;

    public ClientAddresses(@Value("${gatehouse.trusted-proxies:}") List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                ranges.add(Range.parse(entry.strip()));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    /** The client's address as text (an IP address), or {@code "unknown"}. */
    public String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        if (address == null) {
            return "unknown";
        }
        if (!isTrusted(address)) {
            return address.getHostAddress();
        }
        List<String> forwarded = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty(FORWARDED_FOR)) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    forwarded.add(hop.strip());
                }
            }
        }
        // the rightmost hop was added by our own proxy; walk left past every trusted proxy
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(forwarded.get(i));
            if (hop == null) {
                return forwarded.get(i).length() > 64 ? "invalid" : forwarded.get(i); // not an address: a client's own words
            }
            if (!isTrusted(hop)) {
                return hop.getHostAddress();
            }
        }
        return address.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        for (Range range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal (never a DNS lookup), or null. */
    private static InetAddress literal(String text) {
        String value = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (value.isEmpty() || !value.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            String[] parts = entry.split("/", 2);
            InetAddress address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("gatehouse.trusted-proxies: '" + entry
                        + "' is not an IP address or CIDR range (e.g. 10.0.0.0/8)");
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("gatehouse.trusted-proxies: '" + entry
                            + "' has an invalid prefix length");
                }
            }
            return new Range(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - prefix;
            return new BigInteger(1, bytes).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }
}
