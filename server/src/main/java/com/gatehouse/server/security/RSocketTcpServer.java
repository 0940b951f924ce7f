package com.gatehouse.server.security;

import io.rsocket.core.RSocketServer;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;
import org.springframework.security.rsocket.core.PayloadSocketAcceptorInterceptor;

/**
 * The RSocket TCP listener. Boot runs only one RSocket server (the WebSocket one on the HTTP port),
 * so this one is started by hand, with the same routes and the same interceptors. It binds to
 * {@code gatehouse.rsocket.tcp-address}: loopback unless configured otherwise.
 */
public class RSocketTcpServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RSocketTcpServer.class);

    private final RSocketMessageHandler handler;
    private final PayloadSocketAcceptorInterceptor security;
    private final LiveStreams liveStreams;
    private final String address;
    private final int requestedPort;
    private volatile CloseableChannel channel;

    public RSocketTcpServer(RSocketMessageHandler handler, PayloadSocketAcceptorInterceptor security,
                            LiveStreams liveStreams, String address, int port) {
        this.handler = handler;
        this.security = security;
        this.liveStreams = liveStreams;
        this.address = address;
        this.requestedPort = port;
    }

    @Override
    public void start() {
        if (requestedPort < 0) {
            return;
        }
        channel = RSocketServer.create(handler.responder())
                // the first registered is the innermost: live-stream rules run with the authenticated caller
                .interceptors(registry -> registry.forSocketAcceptor(liveStreams).forSocketAcceptor(security))
                .bind(TcpServerTransport.create(address, requestedPort))
                .block();
        log.info("RSocket TCP listener on {}", channel.address());
    }

    /** The bound address, or null when the listener is off. */
    public java.net.InetSocketAddress address() {
        CloseableChannel current = channel;
        return current == null ? null : current.address();
    }

    /** The bound port, or -1 when the listener is off. */
    public int port() {
        CloseableChannel current = channel;
        return current == null ? -1 : current.address().getPort();
    }

    @Override
    public void stop() {
        CloseableChannel current = channel;
        channel = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return channel != null;
    }
}
