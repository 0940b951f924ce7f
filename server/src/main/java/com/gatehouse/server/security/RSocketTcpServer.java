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
 * so this one is started by hand, with the same routes and the same security interceptor.
 */
public class RSocketTcpServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RSocketTcpServer.class);

    private final RSocketMessageHandler handler;
    private final PayloadSocketAcceptorInterceptor security;
    private final int requestedPort;
    private volatile CloseableChannel channel;

    public RSocketTcpServer(RSocketMessageHandler handler, PayloadSocketAcceptorInterceptor security, int port) {
        this.handler = handler;
        this.security = security;
        this.requestedPort = port;
    }

    @Override
    public void start() {
        if (requestedPort < 0) {
            return;
        }
        channel = RSocketServer.create(handler.responder())
                .interceptors(registry -> registry.forSocketAcceptor(security))
                .bind(TcpServerTransport.create("0.0.0.0", requestedPort))
                .block();
        log.info("RSocket TCP listener on port {}", port());
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
