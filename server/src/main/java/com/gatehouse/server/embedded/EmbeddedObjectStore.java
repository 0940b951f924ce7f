package com.gatehouse.server.embedded;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible object store running inside this JVM: S3Proxy 4.1 (its Jetty is shaded, so it
 * does not clash with Reactor Netty or a servlet container) over a filesystem blob store rooted at
 * {@code baseDir}. Every request must carry an AWS signature (V2 or V4, header or pre-signed query)
 * made with the configured key pair; anonymous requests get 403.
 *
 * <p>Layout on disk: one directory per bucket, one file per object; content type and ETag are
 * kept in user extended attributes ({@code user.*} xattrs), so {@code baseDir} must be on a
 * filesystem that supports them (ext4, xfs, btrfs do; see {@link #xattrsSupported()}).
 *
 * <p>start() and close() are idempotent and synchronized; close() then start() again on the same
 * baseDir serves the same buckets and objects.
 */
public final class EmbeddedObjectStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedObjectStore.class);

    /**
     * Grace for in-flight requests on close. S3Proxy's own default is 30 s, and any non-zero grace
     * is always used up in full when a client keeps an idle keep-alive connection open (the SDK's
     * and java.net.http's pools do), so the default is zero: close() aborts in-flight transfers and
     * returns in a few ms. Clients of a pre-signed URL retry the upload.
     */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ZERO;

    private final Path baseDir;
    private final String host;
    private final int requestedPort;
    private final String accessKey;
    private final String secretKey;
    private final Duration stopTimeout;

    private S3Proxy proxy;
    private int port = -1;
    private boolean xattrsSupported;

    public EmbeddedObjectStore(Path baseDir, String host, int port, String accessKey, String secretKey) {
        this(baseDir, host, port, accessKey, secretKey, DEFAULT_STOP_TIMEOUT);
    }

    public EmbeddedObjectStore(Path baseDir, String host, int port, String accessKey, String secretKey,
            Duration stopTimeout) {
        // A base dir containing "/./" (or "..") makes S3Proxy answer 400 to every request: normalize.
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir").toAbsolutePath().normalize();
        this.host = requireText(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.requestedPort = port;
        this.accessKey = requireText(accessKey, "accessKey");
        this.secretKey = requireText(secretKey, "secretKey");
        this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
    }

    /** Starts the server; returns once it accepts connections. Idempotent. */
    public synchronized EmbeddedObjectStore start() {
        if (proxy != null) {
            return this;
        }
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(baseDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create object store dir " + baseDir, e);
        }
        xattrsSupported = probeXattrs(baseDir);
        if (!xattrsSupported) {
            log.warn("Filesystem of {} has no user xattrs: object content types will read back as "
                    + "application/octet-stream", baseDir);
        }
        S3Proxy candidate = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(baseDir.toString()))
                .endpoint(URI.create("http://" + hostForUri(host) + ":" + requestedPort))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .stopTimeout(stopTimeout.toMillis())
                .jettyMaxThreads(32)
                .build();
        try {
            candidate.start();
        } catch (Exception e) {
            try {
                candidate.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("cannot start embedded object store on " + host + ":"
                    + requestedPort, e);
        }
        proxy = candidate;
        port = candidate.getPort();
        log.info("Embedded object store on {} (dir {}) started in {} ms", endpoint(), baseDir,
                (System.nanoTime() - t0) / 1_000_000);
        return this;
    }

    /** Stops the server (waits at most the stop timeout for in-flight requests). Idempotent. */
    @Override
    public synchronized void close() {
        S3Proxy current = proxy;
        if (current == null) {
            return;
        }
        proxy = null;
        long t0 = System.nanoTime();
        try {
            current.stop();
        } catch (TimeoutException e) {
            // Jetty's graceful phase ran out: connections were closed anyway, the server is stopped.
            log.info("Embedded object store on port {}: open connections closed after the {} ms stop timeout",
                    port, stopTimeout.toMillis());
        } catch (Exception e) {
            log.warn("Error stopping embedded object store on port {}", port, e);
        }
        log.info("Embedded object store on port {} stopped in {} ms", port, (System.nanoTime() - t0) / 1_000_000);
    }

    public synchronized boolean isRunning() {
        return proxy != null;
    }

    /** The bound port (the chosen one when constructed with port 0). Only valid after start(). */
    public synchronized int port() {
        if (proxy == null) {
            throw new IllegalStateException("not started");
        }
        return port;
    }

    /** {@code http://host:port}, for an S3 client with path-style access. Only valid after start(). */
    public URI endpoint() {
        return URI.create("http://" + hostForUri(host) + ":" + port());
    }

    public Path baseDir() {
        return baseDir;
    }

    /** Whether baseDir's filesystem keeps user xattrs (where content types are stored). */
    public synchronized boolean xattrsSupported() {
        return xattrsSupported;
    }

    private static String hostForUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static boolean probeXattrs(Path dir) {
        Path probe = null;
        try {
            probe = Files.createTempFile(dir, ".xattr-probe", ".tmp");
            UserDefinedFileAttributeView view =
                    Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class);
            if (view == null) {
                return false;
            }
            view.write("gatehouse.probe", ByteBuffer.wrap("1".getBytes(StandardCharsets.US_ASCII)));
            return view.list().contains("gatehouse.probe");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }
}
